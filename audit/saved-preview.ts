// Reads a saved preview: what `pulumi preview --json` printed and the engine's event stream
// (`--event-log`), which carries the policy results the JSON leaves out. Only the fields the report
// uses are read; anything else the engine adds is ignored. A file that is not what it should be is
// refused with its name, line and field path.
import { z } from "zod";

const json = z.record(z.string(), z.unknown());

const resourceState = z.looseObject({
  urn: z.string(),
  type: z.string(),
  custom: z.boolean().optional(),
  inputs: json.optional(),
  outputs: json.optional(),
});

const step = z.looseObject({
  op: z.string(),
  urn: z.string(),
  oldState: resourceState.nullish(),
  newState: resourceState.nullish(),
  diffReasons: z.array(z.string()).nullish(),
  replaceReasons: z.array(z.string()).nullish(),
  detailedDiff: z.record(z.string(), z.looseObject({ diffKind: z.string().optional() })).nullish(),
});

const previewSchema = z.looseObject({
  config: z.record(z.string(), z.string()).nullish(),
  steps: z.array(step).nullish(),
  diagnostics: z
    .array(z.looseObject({ urn: z.string().optional(), message: z.string(), severity: z.string() }))
    .nullish(),
  changeSummary: z.record(z.string(), z.number().int()).nullish(),
});

const policyEvent = z.looseObject({
  resourceUrn: z.string().optional(),
  message: z.string(),
  policyName: z.string(),
  policyPackName: z.string(),
  policyPackVersion: z.string().optional(),
  enforcementLevel: z.string(),
  severity: z.string().optional(),
});

const analyzeSummary = z.looseObject({
  resourceUrn: z.string().optional(),
  policyPackName: z.string(),
  passed: z.array(z.string()).nullish(),
  failed: z.array(z.string()).nullish(),
});

const engineEvent = z.looseObject({
  sequence: z.number().int(),
  policyEvent: policyEvent.optional(),
  policyAnalyzeSummaryEvent: analyzeSummary.optional(),
  policyAnalyzeStackSummaryEvent: analyzeSummary.omit({ resourceUrn: true }).optional(),
  summaryEvent: z
    .looseObject({ resourceChanges: z.record(z.string(), z.number().int()).nullish() })
    .optional(),
  diagnosticEvent: z
    .looseObject({ urn: z.string().optional(), message: z.string(), severity: z.string() })
    .optional(),
});

export type PreviewStep = z.infer<typeof step>;
export type ResourceState = z.infer<typeof resourceState>;

export interface PolicyResult {
  pack: string;
  policy: string;
  /** advisory, mandatory, remediate or disabled, as the engine reported it. */
  level: string;
  severity?: string;
  urn?: string;
  message: string;
}

export interface SavedPreview {
  steps: PreviewStep[];
  /** Resource operations as the engine counted them (same included). */
  changeSummary: Record<string, number>;
  /** Config keys the stack had (values are never read). */
  configKeys: string[];
  violations: PolicyResult[];
  /** Policies that ran and found nothing, per pack. */
  policiesPassed: Map<string, Set<string>>;
  /** Warnings and errors the engine reported (not info, not debug). */
  diagnostics: { urn?: string; severity: string; message: string }[];
}

export class SavedPreviewError extends Error {}

function issueText(error: z.ZodError): string {
  const issue = error.issues[0];
  const path = issue?.path.length ? issue.path.join(".") : "(top level)";
  return `${path}: ${issue?.message ?? "invalid"}`;
}

/** Pulumi colour tags (`<{%reset%}>`) and ANSI escapes are display, not content. */
export function plainText(message: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escapes start with ESC
  return message.replace(/<\{%[^%]*%\}>/g, "").replace(/\u001b\[[0-9;]*m/g, "");
}

export function parseSavedPreview(
  previewText: string,
  eventsText: string,
  names = { preview: "preview.json", events: "events.jsonl" },
): SavedPreview {
  let raw: unknown;
  try {
    raw = JSON.parse(previewText);
  } catch (error) {
    throw new SavedPreviewError(
      `${names.preview}: not JSON (${error instanceof Error ? error.message : error}); expected the output of \`pulumi preview --json\``,
    );
  }
  const preview = previewSchema.safeParse(raw);
  if (!preview.success) {
    throw new SavedPreviewError(`${names.preview}: ${issueText(preview.error)}`);
  }

  const violations: PolicyResult[] = [];
  const policiesPassed = new Map<string, Set<string>>();
  const diagnostics: SavedPreview["diagnostics"] = [];
  let summaryChanges: Record<string, number> | undefined;
  eventsText.split("\n").forEach((line, k) => {
    if (line.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new SavedPreviewError(`${names.events}:${k + 1}: not JSON; expected one engine event per line`);
    }
    const parsed = engineEvent.safeParse(value);
    if (!parsed.success) throw new SavedPreviewError(`${names.events}:${k + 1}: ${issueText(parsed.error)}`);
    const e = parsed.data;
    if (e.policyEvent) {
      const p = e.policyEvent;
      violations.push({
        pack: p.policyPackName,
        policy: p.policyName,
        level: p.enforcementLevel,
        ...(p.severity ? { severity: p.severity } : {}),
        ...(p.resourceUrn ? { urn: p.resourceUrn } : {}),
        message: plainText(p.message).trim(),
      });
    }
    for (const s of [e.policyAnalyzeSummaryEvent, e.policyAnalyzeStackSummaryEvent]) {
      if (!s) continue;
      const set = policiesPassed.get(s.policyPackName) ?? new Set<string>();
      for (const name of s.passed ?? []) set.add(name);
      policiesPassed.set(s.policyPackName, set);
    }
    if (e.summaryEvent?.resourceChanges) summaryChanges = e.summaryEvent.resourceChanges;
    const d = e.diagnosticEvent;
    if (d && (d.severity === "warning" || d.severity === "error")) {
      diagnostics.push({
        ...(d.urn ? { urn: d.urn } : {}),
        severity: d.severity,
        message: plainText(d.message).trim(),
      });
    }
  });

  return {
    steps: preview.data.steps ?? [],
    changeSummary: preview.data.changeSummary ?? summaryChanges ?? {},
    configKeys: Object.keys(preview.data.config ?? {}).sort(),
    violations,
    policiesPassed,
    diagnostics,
  };
}
