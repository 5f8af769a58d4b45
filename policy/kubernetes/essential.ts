// Essential public services (the roadmap's "50% of essential public services online") must survive
// losing a server, a rack, or a node drain: at least two replicas, spread across racks so one rack's
// power or switch cannot take them all, and a PodDisruptionBudget so a drain waits for them.
import type { PolicyResource, ResourceRule, StackFinding, StackRule } from "../rule.ts";
import {
  describeWorkload,
  isKind,
  metadata,
  type Obj,
  obj,
  objects,
  selects,
  str,
  type Workload,
  workload,
} from "./objects.ts";

const GROUP = "smartcity.baubaukota.go.id";
export const ESSENTIAL_ANNOTATION = `${GROUP}/essential`;
export const AUDIENCE_ANNOTATION = `${GROUP}/audience`;
/** Node labels that separate racks: the rack itself, or the zone (a zone holds whole racks). */
export const RACK_KEYS: readonly string[] = [`${GROUP}/rack`, "topology.kubernetes.io/zone"];
const REPLICATED_KINDS = new Set(["Deployment", "StatefulSet", "ReplicaSet"]);

/** A workload that serves an essential public service, by its annotations. */
export function essentialPublic(r: PolicyResource): Workload | undefined {
  const w = workload(r);
  if (!w || !REPLICATED_KINDS.has(w.kind)) return undefined;
  const essential = String(w.annotations[ESSENTIAL_ANNOTATION] ?? "") === "true";
  return essential && w.annotations[AUDIENCE_ANNOTATION] === "public" ? w : undefined;
}

/** How many replicas a workload keeps, and what sets that count (for messages). */
interface ReplicaFloor {
  count: number;
  /** `spec.replicas`, or the HorizontalPodAutoscaler that owns the count. */
  source: string;
}

/** HorizontalPodAutoscalers of the stack by the workload they scale: "namespace/Kind/name". */
function autoscalers(resources: readonly PolicyResource[]): Map<string, PolicyResource> {
  const out = new Map<string, PolicyResource>();
  for (const r of resources) {
    if (!isKind(r, "autoscaling", "HorizontalPodAutoscaler")) continue;
    const target = obj(obj(r.props.spec)?.scaleTargetRef) ?? {};
    out.set(`${metadata(r).namespace}/${str(target.kind)}/${str(target.name)}`, r);
  }
  return out;
}

/**
 * The count a workload keeps. A workload an autoscaler scales has its HPA's minReplicas (1 when unset):
 * the HPA owns spec.replicas then (charts leave it out; an output shows the API's default of 1 or the
 * HPA's latest choice). Otherwise spec.replicas, which the API defaults to 1 when it is left out.
 */
function replicaFloor(r: PolicyResource, w: Workload, hpas: Map<string, PolicyResource>): ReplicaFloor {
  const hpa = hpas.get(`${w.namespace}/${w.kind}/${w.name}`);
  if (hpa) {
    const min = obj(hpa.props.spec)?.minReplicas;
    const { namespace, name } = metadata(hpa);
    return {
      count: typeof min === "number" ? min : 1,
      source: `minReplicas of HorizontalPodAutoscaler ${namespace}/${name}`,
    };
  }
  const n = obj(r.props.spec)?.replicas;
  return { count: typeof n === "number" ? n : 1, source: "spec.replicas" };
}

export const essentialReplicas: StackRule = {
  kind: "stack",
  id: "k8s-essential-replicas",
  severity: "high",
  description:
    "Essential public services run at least 2 replicas (spec.replicas, or the minReplicas of the autoscaler that scales them).",
  source: "Visi Baubau 4.0 phase II (essential public services online); Tier II availability",
  enforcement: { twin: "mandatory", production: "mandatory" },
  check(resources) {
    const hpas = autoscalers(resources);
    const out: StackFinding[] = [];
    for (const r of resources) {
      const w = essentialPublic(r);
      if (!w) continue;
      const floor = replicaFloor(r, w, hpas);
      if (floor.count < 2)
        out.push({
          urn: r.urn,
          message: `${describeWorkload(w)} is an essential public service with ${floor.count} replica(s): set ${floor.source} to at least 2`,
        });
    }
    return out;
  },
};

/** Does the pod spec keep its replicas on different racks (a hard rule, not a preference)? */
function spreadsAcrossRacks(w: Workload): boolean {
  // A spread constraint and an anti-affinity term both name a topology key and the pods they keep apart.
  const acrossRacks = (term: Obj) =>
    RACK_KEYS.includes(str(term.topologyKey) ?? "") && selects(term.labelSelector, w.podLabels);
  const anti = obj(obj(w.podSpec.affinity)?.podAntiAffinity);
  return (
    objects(w.podSpec.topologySpreadConstraints).some(
      (c) => acrossRacks(c) && c.whenUnsatisfiable === "DoNotSchedule",
    ) || objects(anti?.requiredDuringSchedulingIgnoredDuringExecution).some(acrossRacks)
  );
}

export const essentialRackSpread: ResourceRule = {
  kind: "resource",
  id: "k8s-essential-rack-spread",
  severity: "high",
  description: "Essential public services are spread across racks by a hard scheduling rule.",
  source: "Tier II: a component (here a rack) can fail without an outage",
  enforcement: { twin: "advisory", production: "mandatory" },
  check(r) {
    const w = essentialPublic(r);
    if (!w || spreadsAcrossRacks(w)) return [];
    return [
      `${describeWorkload(w)} is an essential public service that may land on one rack: add a ` +
        `topologySpreadConstraint with topologyKey ${RACK_KEYS[0]} (or ${RACK_KEYS[1]}), maxSkew: 1, ` +
        "whenUnsatisfiable: DoNotSchedule and a labelSelector matching its pods (ScheduleAnyway is only a preference)",
    ];
  },
};

/** A budget that keeps at least one pod up: minAvailable > 0, or maxUnavailable below the replica count. */
function protects(pdbSpec: Record<string, unknown>, replicaCount: number): boolean {
  const positive = (v: unknown) =>
    typeof v === "number" ? v > 0 : typeof v === "string" && /^[1-9]\d*%$/.test(v);
  if (pdbSpec.minAvailable !== undefined) return positive(pdbSpec.minAvailable);
  const max = pdbSpec.maxUnavailable;
  if (typeof max === "number") return max < replicaCount;
  if (typeof max === "string") return /^\d+%$/.test(max) && Number.parseInt(max, 10) < 100;
  return false;
}

export const essentialDisruptionBudget: StackRule = {
  kind: "stack",
  id: "k8s-essential-pdb",
  severity: "high",
  description: "Essential public services have a PodDisruptionBudget that keeps at least one pod running.",
  source: "Kubernetes disruption budgets; Tier II maintenance without an outage",
  enforcement: { twin: "advisory", production: "mandatory" },
  check(resources) {
    const budgets = resources
      .filter((r) => isKind(r, "policy", "PodDisruptionBudget"))
      .map((r) => ({ namespace: metadata(r).namespace, spec: obj(r.props.spec) ?? {} }));
    const hpas = autoscalers(resources);
    const out: StackFinding[] = [];
    for (const r of resources) {
      const w = essentialPublic(r);
      if (!w) continue;
      const n = replicaFloor(r, w, hpas).count;
      const covered = budgets.some(
        (b) => b.namespace === w.namespace && selects(b.spec.selector, w.podLabels) && protects(b.spec, n),
      );
      if (!covered)
        out.push({
          urn: r.urn,
          message:
            `${describeWorkload(w)} is an essential public service without a PodDisruptionBudget: add one in ` +
            `namespace ${w.namespace} selecting its pods with minAvailable: 1 (or maxUnavailable below ${n})`,
        });
    }
    return out;
  },
};
