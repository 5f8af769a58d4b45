// Real engine previews turned into the audit unit tests' fixtures (scripts/audit-fixtures): what the
// report reads is kept as the engine wrote it; what it never reads (live outputs, resource events,
// info/debug diagnostics) is dropped to keep them small; nothing shaped like a credential may remain.
import { join } from "node:path";
import { MASK, redact } from "../../audit/redact.ts";
import { ROOT } from "../../toolchain/paths.ts";

/** Where the fixtures live (one folder per case, and capture.json saying what each preview was). */
export const FIXTURES = join(ROOT, "tests", "unit", "audit", "fixtures", "previews");

/** The cases the audit integration test previews, by the folder it writes each one to. */
export const CASES = {
  "one-site": "r2",
  "one-site-again": "r4",
  "tenant-removal": "r6",
  "rbac-widening": "rbac",
} as const;
export type CaseName = keyof typeof CASES;

/** The engine events saved-preview.ts reads; resource events and the prelude are not read. */
const KEPT_EVENTS = [
  "policyEvent",
  "policyAnalyzeSummaryEvent",
  "policyAnalyzeStackSummaryEvent",
  "summaryEvent",
  "diagnosticEvent",
] as const;

type Json = Record<string, unknown>;

/**
 * `pulumi preview --json` without what the report never reads of each step's states: the live
 * outputs (it reads inputs), and the program's stack trace and source position of each resource.
 */
export function trimPreview(text: string): string {
  const preview = JSON.parse(text) as Json & { steps?: Json[] };
  const state = (s: unknown) => {
    if (!s || typeof s !== "object") return s;
    const { outputs: _o, stackTrace: _t, sourcePosition: _p, ...rest } = s as Json;
    return rest;
  };
  const steps = (preview.steps ?? []).map((step) => ({
    ...step,
    ...("oldState" in step ? { oldState: state(step.oldState) } : {}),
    ...("newState" in step ? { newState: state(step.newState) } : {}),
  }));
  return `${JSON.stringify({ ...preview, steps }, null, 2)}\n`;
}

/** The event log with only the events the report reads, warnings and errors of the diagnostics. */
export function trimEvents(text: string): string {
  const kept = text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Json)
    .filter((e) => KEPT_EVENTS.some((k) => k in e))
    .filter((e) => {
      const d = e.diagnosticEvent as { severity?: string } | undefined;
      return !d || d.severity === "warning" || d.severity === "error";
    });
  return kept.map((e) => `${JSON.stringify(e)}\n`).join("");
}

/** Credential-shaped text: what must never be in a committed fixture (a masked value is fine). */
export function credentialFindings(text: string, planted: readonly string[] = []): string[] {
  const found: string[] = [];
  const unmasked = text.split(MASK).join("");
  if (redact(unmasked) !== unmasked) found.push("a PEM block or a long base64 run");
  // A kubeconfig's key fields with a value that is not masked.
  for (const m of unmasked.matchAll(
    /(client-key-data|client-certificate-data|certificate-authority-data|token): *[^\s"\\]/g,
  ))
    found.push(`kubeconfig field ${m[1]} with a value`);
  for (const p of planted) if (text.includes(p)) found.push(`the planted secret ${p}`);
  return found;
}
