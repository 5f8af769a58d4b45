// Saved previews built in memory in the shape `pulumi preview --json` and `--event-log` write
// (field names as in the real files under fixtures/), for tests that need one exact situation.
const STACK = "urn:pulumi:twin::baubau-smartcity::";
const PROVIDER = `${STACK}baubau:dc:Cluster$pulumi:providers:kubernetes::dc-prod-provider::5f1b2c3d`;

export interface StepSpec {
  op: string;
  type: string;
  name?: string;
  namespace?: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  diff?: string[];
  replace?: string[];
  custom?: boolean;
}

export function urnOf(type: string, name: string): string {
  return `${STACK}baubau:platform:TenantNamespace$${type}::${name}`;
}

export function step(s: StepSpec): Record<string, unknown> {
  const pulumiName = [s.type.split(":").at(-1)?.toLowerCase(), s.namespace, s.name].filter(Boolean).join(":");
  const urn = urnOf(s.type, pulumiName);
  const state = (inputs: Record<string, unknown> | undefined) =>
    inputs && {
      urn,
      custom: s.custom ?? true,
      type: s.type,
      inputs: { ...inputs, metadata: { name: s.name, ...(s.namespace ? { namespace: s.namespace } : {}) } },
      provider: PROVIDER,
    };
  return {
    op: s.op,
    urn,
    provider: PROVIDER,
    ...(s.before ? { oldState: state(s.before) } : {}),
    ...(s.after ? { newState: state(s.after) } : {}),
    ...(s.diff
      ? {
          diffReasons: s.diff,
          detailedDiff: Object.fromEntries(s.diff.map((d) => [d, { diffKind: "update" }])),
        }
      : { detailedDiff: null }),
    ...(s.replace ? { replaceReasons: s.replace } : {}),
  };
}

export function previewJson(steps: Record<string, unknown>[], config: Record<string, string> = {}): string {
  const summary: Record<string, number> = {};
  for (const s of steps) summary[s.op as string] = (summary[s.op as string] ?? 0) + 1;
  return JSON.stringify({ config, steps, duration: 1, changeSummary: summary }, null, 4);
}

export function policyEvent(
  seq: number,
  e: { policy: string; level: string; urn?: string; message: string },
): string {
  return JSON.stringify({
    sequence: seq,
    timestamp: 1764576000 + seq,
    policyEvent: {
      resourceUrn: e.urn,
      message: e.message,
      color: "raw",
      policyName: e.policy,
      policyPackName: "baubau-policy",
      policyPackVersion: "0.1.0",
      policyPackVersionTag: "0.1.0",
      enforcementLevel: e.level,
    },
  });
}

export function diagnosticEvent(seq: number, severity: string, message: string): string {
  return JSON.stringify({
    sequence: seq,
    timestamp: 1764576000 + seq,
    diagnosticEvent: { message, color: "raw", severity },
  });
}
