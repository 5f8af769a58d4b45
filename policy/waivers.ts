// Waivers: one finding of a model rule that a stack accepts for a while, with why, who approved it
// and until when. A per-rule level (`baubau:policy`) would silence the rule for every record, new
// regressions included; a waiver names one record, and ends:
//
//   config:
//     baubau:policyWaivers:
//       - rule: net-link-margin
//         subject: pop-wolio--pop-sorawolio       # the record the finding is about
//         reason: ER optics ordered (PO 2026/118); LR until they are fitted
//         approver: Kepala Bidang Infrastruktur TIK, Diskominfo
//         expires: 2027-03-31                      # the last day it holds
//
// A waived finding is reported as advisory by `policy-waivers`, with the waiver; from the day after
// `expires` it is back at the rule's level, its message saying the waiver ran out. A waiver that
// matches no finding (the gap was closed) is reported so it can be removed.
import { z } from "zod";
import { suggest } from "../model/load/suggest.ts";
import type { ModelFinding, Rule } from "./rule.ts";

export const WAIVERS_KEY = "baubau:policyWaivers";

const waiverSchema = z.strictObject({
  rule: z.string().min(1),
  subject: z.string().min(1),
  reason: z.string().min(10, "say why the gap is accepted and what closes it (at least 10 characters)"),
  approver: z.string().min(3, "name who approved it"),
  expires: z.iso.date("a date, YYYY-MM-DD"),
});

export type Waiver = z.infer<typeof waiverSchema>;

function fail(stack: string, message: string): never {
  throw new Error(`policy pack: stack ${stack}: ${message}`);
}

/** The stack's waivers from config (JSON text, as the engine passes config), checked against the rules. */
export function parseWaivers(rules: readonly Rule[], stack: string, raw: string | undefined): Waiver[] {
  if (raw === undefined) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    fail(stack, `config ${WAIVERS_KEY} must be a list of waivers, got ${JSON.stringify(raw)}`);
  }
  const result = z.array(waiverSchema).safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    const [index, ...field] = issue?.path ?? [];
    const at =
      index === undefined
        ? WAIVERS_KEY
        : `${WAIVERS_KEY}[${String(index)}]${field.map((f) => `.${String(f)}`).join("")}`;
    fail(
      stack,
      `config ${at}: ${issue?.message ?? "invalid"}; a waiver has rule, subject, reason, approver, expires`,
    );
  }
  const models = rules.filter((r) => r.kind === "model").map((r) => r.id);
  result.data.forEach((w, k) => {
    if (models.includes(w.rule)) return;
    const rule = rules.find((r) => r.id === w.rule);
    if (rule)
      fail(
        stack,
        `config ${WAIVERS_KEY}[${k}] waives ${w.rule}, a ${rule.kind} rule; waivers are for findings of the ` +
          `inventory (model rules: ${models.join(", ")})`,
      );
    const near = suggest(w.rule, models);
    fail(
      stack,
      `config ${WAIVERS_KEY}[${k}] names rule "${w.rule}", which is not a model rule of the pack` +
        (near ? `; did you mean "${near}"?` : `; model rules: ${models.join(", ")}`),
    );
  });
  return result.data;
}

/** A waiver holds through the whole of its `expires` day (UTC). */
export function isActive(w: Waiver, now: Date): boolean {
  return now.toISOString().slice(0, 10) <= w.expires;
}

export interface WaivedFindings {
  /** Findings that stay at the rule's level (an expired waiver says so in the message). */
  open: ModelFinding[];
  /** Findings an active waiver covers. */
  waived: { finding: ModelFinding; waiver: Waiver }[];
}

export function applyWaivers(
  ruleId: string,
  findings: readonly ModelFinding[],
  waivers: readonly Waiver[],
  now: Date,
): WaivedFindings {
  const out: WaivedFindings = { open: [], waived: [] };
  for (const f of findings) {
    const mine = waivers.filter((w) => w.rule === ruleId && w.subject === f.subject);
    const active = mine.find((w) => isActive(w, now));
    if (active) out.waived.push({ finding: f, waiver: active });
    else if (mine.length) {
      const last = [...mine].sort((a, b) => a.expires.localeCompare(b.expires)).at(-1) as Waiver;
      out.open.push({
        ...f,
        message: `${f.message} (the waiver approved by ${last.approver} expired on ${last.expires}: close the gap or renew the waiver)`,
      });
    } else out.open.push(f);
  }
  return out;
}

/** What `policy-waivers` reports: each waived finding with its waiver, and waivers matching nothing. */
export function waiverReport(
  findingsByRule: ReadonlyMap<string, readonly ModelFinding[]>,
  waivers: readonly Waiver[],
  now: Date,
): string[] {
  const out: string[] = [];
  for (const w of waivers) {
    const finding = findingsByRule.get(w.rule)?.find((f) => f.subject === w.subject);
    if (!finding) {
      out.push(
        `waiver of ${w.rule} for ${w.subject} (approved by ${w.approver}, expires ${w.expires}) matches no ` +
          "finding: the gap is closed or the subject is misspelt; remove or correct the waiver",
      );
    } else if (isActive(w, now)) {
      out.push(
        `${w.rule} waived for ${w.subject} until ${w.expires} (approved by ${w.approver}: ${w.reason}): ` +
          finding.message,
      );
    }
  }
  return out;
}
