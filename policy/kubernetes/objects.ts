// Reading Kubernetes objects as the policy engine hands them over: the resource's Pulumi type
// token and its inputs (the manifest). Written against kinds, not against this project's charts,
// so workloads from any chart, ConfigGroup or CustomResource wrapper are checked the same way.

import type { PolicyResource } from "../rule.ts";

export type Obj = Record<string, unknown>;

export function obj(value: unknown): Obj | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Obj) : undefined;
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A list's entries as objects; an entry that is not one reads as {} (so its fields read as absent). */
export function objects(value: unknown): Obj[] {
  return list(value).map((v) => obj(v) ?? {});
}

export function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** `kubernetes:apps/v1:Deployment` → { group: "apps", version: "v1", kind: "Deployment" }; core is "". */
export function kubernetesKind(type: string): { group: string; version: string; kind: string } | undefined {
  const m = /^kubernetes:([^:]+)\/([^/:]+):([A-Za-z0-9]+)$/.exec(type);
  if (!m) return undefined;
  const group = m[1] === "core" ? "" : (m[1] as string);
  return { group, version: m[2] as string, kind: m[3] as string };
}

export function isKind(r: PolicyResource, group: string, kind: string): boolean {
  const k = kubernetesKind(r.type);
  return k !== undefined && k.group === group && k.kind === kind;
}

export function metadata(r: PolicyResource): {
  name: string;
  namespace: string;
  labels: Obj;
  annotations: Obj;
} {
  const m = obj(r.props.metadata) ?? {};
  return {
    name: str(m.name) ?? r.name,
    namespace: str(m.namespace) ?? "default",
    labels: obj(m.labels) ?? {},
    annotations: obj(m.annotations) ?? {},
  };
}

/** Where each workload kind keeps its pod template. */
const POD_TEMPLATE_PATHS: Readonly<Record<string, readonly string[]>> = {
  "/Pod": [],
  "/ReplicationController": ["spec", "template"],
  "apps/Deployment": ["spec", "template"],
  "apps/StatefulSet": ["spec", "template"],
  "apps/DaemonSet": ["spec", "template"],
  "apps/ReplicaSet": ["spec", "template"],
  "batch/Job": ["spec", "template"],
  "batch/CronJob": ["spec", "jobTemplate", "spec", "template"],
};

export interface Workload {
  kind: string;
  name: string;
  namespace: string;
  labels: Obj;
  annotations: Obj;
  /** The pod template's metadata labels (what selectors match). */
  podLabels: Obj;
  podSpec: Obj;
  /** Field path of the pod spec in the manifest, for messages: `spec.template.spec`. */
  podSpecPath: string;
}

/** The pod template of a workload resource, or undefined for anything that runs no pods. */
export function workload(r: PolicyResource): Workload | undefined {
  const k = kubernetesKind(r.type);
  if (!k) return undefined;
  const path = POD_TEMPLATE_PATHS[`${k.group}/${k.kind}`];
  if (!path) return undefined;
  let template: Obj | undefined = r.props;
  for (const key of path) template = obj(template?.[key]);
  if (!template) return undefined;
  const meta = metadata(r);
  const isPod = path.length === 0;
  return {
    kind: k.kind,
    name: meta.name,
    namespace: meta.namespace,
    labels: meta.labels,
    annotations: meta.annotations,
    podLabels: isPod ? meta.labels : (obj(obj(template.metadata)?.labels) ?? {}),
    podSpec: obj(template.spec) ?? {},
    podSpecPath: [...path, "spec"].join("."),
  };
}

export interface Container {
  /** `containers` or `initContainers` or `ephemeralContainers`. */
  field: string;
  name: string;
  spec: Obj;
}

export function containers(podSpec: Obj): Container[] {
  const out: Container[] = [];
  for (const field of ["initContainers", "containers", "ephemeralContainers"]) {
    objects(podSpec[field]).forEach((spec, i) => {
      out.push({ field, name: str(spec.name) ?? `#${i}`, spec });
    });
  }
  return out;
}

/** `Deployment portal (ns kominfo)`: how messages name a workload. */
export function describeWorkload(w: Workload): string {
  return `${w.kind} ${w.namespace}/${w.name}`;
}

/**
 * Does a label selector ({matchLabels, matchExpressions}) select these labels? An empty selector
 * selects everything (as in NetworkPolicy and policy/v1 PodDisruptionBudget); a missing one nothing.
 */
export function selects(selector: unknown, labels: Obj): boolean {
  const s = obj(selector);
  if (!s) return false;
  const matchLabels = obj(s.matchLabels) ?? {};
  for (const [k, v] of Object.entries(matchLabels)) if (labels[k] !== v) return false;
  for (const expr of objects(s.matchExpressions)) {
    const key = str(expr.key) ?? "";
    const values = list(expr.values).map(String);
    const has = Object.hasOwn(labels, key);
    const value = has ? String(labels[key]) : undefined;
    switch (expr.operator) {
      case "In":
        if (value === undefined || !values.includes(value)) return false;
        break;
      case "NotIn":
        if (value !== undefined && values.includes(value)) return false;
        break;
      case "Exists":
        if (!has) return false;
        break;
      case "DoesNotExist":
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}
