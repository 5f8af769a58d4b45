// The preview's steps as changes an auditor reads: one per resource, with its Kubernetes identity
// and the property paths that change (never their values), ranked by risk.
import type { PreviewStep, ResourceState } from "./saved-preview.ts";

export type Operation = "delete" | "replace" | "update" | "create" | "import" | "read" | "same";

export type RiskLevel = "critical" | "high" | "medium" | "low";

export interface Change {
  urn: string;
  op: Operation;
  /** Pulumi type token, e.g. kubernetes:core/v1:Namespace. */
  type: string;
  /** Kubernetes kind (or the type's last part for anything else). */
  kind: string;
  /** Pulumi resource name (last URN part). */
  name: string;
  /** metadata.namespace / metadata.name of a Kubernetes object, when it has them. */
  namespace?: string;
  objectName?: string;
  /** The provider's Pulumi name, e.g. dc-prod-provider: which cluster it lands on. */
  provider?: string;
  /** Top-level properties or property paths that change, sorted; replaceKeys force a replacement. */
  diffKeys: string[];
  replaceKeys: string[];
  risk: RiskLevel;
  /** Why it has that risk, in words. */
  why: string;
  /** The inputs before and after, for analyses of their meaning (RBAC, exposure); never rendered. */
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

/** Kinds whose loss loses data or whose change moves a security boundary. */
const STATEFUL = new Set([
  "PersistentVolumeClaim",
  "PersistentVolume",
  "StatefulSet",
  "CustomResourceDefinition",
]);
const SECURITY = new Set([
  "Namespace",
  "Role",
  "ClusterRole",
  "RoleBinding",
  "ClusterRoleBinding",
  "NetworkPolicy",
  "ServiceAccount",
  "Secret",
  "ResourceQuota",
  "LimitRange",
  "ValidatingWebhookConfiguration",
  "MutatingWebhookConfiguration",
]);

const OPS: Record<string, Operation> = {
  create: "create",
  update: "update",
  delete: "delete",
  replace: "replace",
  "create-replacement": "replace",
  "delete-replaced": "replace",
  "discard-replaced": "replace",
  "read-replacement": "replace",
  "import-replacement": "replace",
  discard: "delete",
  import: "import",
  read: "read",
  refresh: "read",
  same: "same",
};

const OP_ORDER: Operation[] = ["delete", "replace", "update", "create", "import", "read", "same"];
const RISK_ORDER: RiskLevel[] = ["critical", "high", "medium", "low"];

/** Last part of a URN (the name) and of its type chain (the resource's own type). */
export function urnParts(urn: string): { type: string; name: string } {
  const parts = urn.split("::");
  const name = parts.at(-1) ?? urn;
  const type = (parts.at(-2) ?? "").split("$").at(-1) ?? "";
  return { type, name };
}

function kindOf(type: string): string {
  return type.split(":").at(-1) ?? type;
}

function metadata(state: ResourceState | null | undefined): { namespace?: string; name?: string } {
  const meta = state?.inputs?.metadata;
  if (!meta || typeof meta !== "object") return {};
  const m = meta as Record<string, unknown>;
  return {
    ...(typeof m.namespace === "string" ? { namespace: m.namespace } : {}),
    ...(typeof m.name === "string" ? { name: m.name } : {}),
  };
}

function providerName(step: PreviewStep): string | undefined {
  const ref = (step.newState ?? step.oldState) as { provider?: unknown } | null | undefined;
  if (typeof ref?.provider !== "string" || ref.provider === "") return undefined;
  return urnParts(ref.provider.split("::").slice(0, -1).join("::")).name;
}

export function assessRisk(op: Operation, kind: string, type: string): { risk: RiskLevel; why: string } {
  const stateful = STATEFUL.has(kind);
  const security = SECURITY.has(kind);
  const provider = type.startsWith("pulumi:providers:");
  const what = stateful ? "stateful" : security ? "security-relevant" : provider ? "provider" : "";
  if (op === "delete" || op === "replace") {
    if (kind === "Namespace") {
      return {
        risk: "critical",
        why: `${op === "delete" ? "deletes" : "replaces"} a namespace and everything in it`,
      };
    }
    if (stateful || security || provider) {
      return { risk: "critical", why: `${op === "delete" ? "deletes" : "replaces"} a ${what} resource` };
    }
    return {
      risk: "high",
      why: op === "delete" ? "deletes a resource" : "replaces a resource (delete and create)",
    };
  }
  if (op === "update") {
    if (security || provider) return { risk: "high", why: `changes a ${what} resource` };
    if (stateful) return { risk: "medium", why: "changes a stateful resource in place" };
    return { risk: "medium", why: "changes a resource in place" };
  }
  if (op === "create" && (security || stateful)) return { risk: "medium", why: `adds a ${what} resource` };
  return { risk: "low", why: op === "create" ? "adds a resource" : `${op}` };
}

function diffKeys(step: PreviewStep): string[] {
  const detailed = step.detailedDiff ? Object.keys(step.detailedDiff) : [];
  return [...new Set(detailed.length ? detailed : (step.diffReasons ?? []))].sort();
}

/** One change per resource (a replacement's create and delete steps count once), components left out. */
export function changesOf(steps: readonly PreviewStep[]): Change[] {
  const byUrn = new Map<string, Change>();
  for (const step of steps) {
    const state = step.newState ?? step.oldState;
    if (state && state.custom === false) continue;
    const op = OPS[step.op] ?? "update";
    const { type: urnType, name } = urnParts(step.urn);
    const type = state?.type ?? urnType;
    const kind = kindOf(type);
    const meta = { ...metadata(step.oldState), ...metadata(step.newState) };
    const provider = providerName(step);
    const change: Change = {
      urn: step.urn,
      op,
      type,
      kind,
      name,
      ...(meta.namespace ? { namespace: meta.namespace } : {}),
      ...(meta.name ? { objectName: meta.name } : {}),
      ...(provider ? { provider } : {}),
      diffKeys: diffKeys(step),
      replaceKeys: [...new Set(step.replaceReasons ?? [])].sort(),
      ...assessRisk(op, kind, type),
      ...(step.oldState?.inputs ? { before: step.oldState.inputs } : {}),
      ...(step.newState?.inputs ? { after: step.newState.inputs } : {}),
    };
    const seen = byUrn.get(step.urn);
    if (!seen || OP_ORDER.indexOf(op) < OP_ORDER.indexOf(seen.op)) {
      byUrn.set(
        step.urn,
        seen
          ? { ...change, before: seen.before ?? change.before, after: change.after ?? seen.after }
          : change,
      );
    }
  }
  return rankChanges([...byUrn.values()]);
}

/** Within one risk and operation, what is lost with the object: a namespace takes everything in it. */
const KIND_ORDER = [
  "Namespace",
  "CustomResourceDefinition",
  "PersistentVolume",
  "PersistentVolumeClaim",
  "StatefulSet",
];
const kindRank = (kind: string) => (KIND_ORDER.includes(kind) ? KIND_ORDER.indexOf(kind) : KIND_ORDER.length);

/** Highest risk first; then deletions before replacements before updates before creates; then by URN. */
export function rankChanges(changes: readonly Change[]): Change[] {
  return [...changes].sort(
    (a, b) =>
      RISK_ORDER.indexOf(a.risk) - RISK_ORDER.indexOf(b.risk) ||
      OP_ORDER.indexOf(a.op) - OP_ORDER.indexOf(b.op) ||
      kindRank(a.kind) - kindRank(b.kind) ||
      (a.urn < b.urn ? -1 : a.urn > b.urn ? 1 : 0),
  );
}

export function countByOperation(changes: readonly Change[]): Record<Operation, number> {
  const counts = Object.fromEntries(OP_ORDER.map((op) => [op, 0])) as Record<Operation, number>;
  for (const c of changes) counts[c.op] += 1;
  return counts;
}

export { OP_ORDER, RISK_ORDER };
