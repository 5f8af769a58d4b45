// The status a SmartService should show, from its generation, its Deployment and what went wrong.
// Pure: the reconciler decides, this only words it. A condition keeps its lastTransitionTime
// while its status stays the same.
import { isDeepStrictEqual } from "node:util";
import { CONDITIONS, type Condition, REASONS, type Reason, type SmartServiceStatus } from "./api.ts";

export interface Observed {
  generation: number;
  /** The replicas the service must have available: the record's `replicas`, which is also the
   * autoscaler's minReplicas when the chart renders one (the Deployment's own count is then the HPA's). */
  replicas: number;
  /** The Deployment as last seen (after our apply). */
  deployment?: {
    metadata?: { generation?: number };
    spec?: { replicas?: number };
    status?: { observedGeneration?: number; updatedReplicas?: number; availableReplicas?: number };
  };
  children: string[];
  url?: string;
  /** A failure retrying cannot fix (the spec must change). */
  stalled?: { reason: Reason; message: string };
}

function condition(
  type: string,
  status: boolean,
  reason: string,
  message: string,
  generation: number,
  previous: Condition[] | undefined,
  now: string,
): Condition {
  const s = status ? "True" : "False";
  const before = previous?.find((c) => c.type === type);
  return {
    type,
    status: s,
    reason,
    message,
    observedGeneration: generation,
    lastTransitionTime: before && before.status === s ? before.lastTransitionTime : now,
  };
}

/**
 * Ready: the Deployment's controller has seen its generation, every pod it now wants (the autoscaler's
 * count when it has one, which the API defaults to 1 before the HPA first acts) is updated, and at least
 * the service's floor is available. The floor, not the live count: pods an autoscaler is still adding
 * above it do not make a serving service unready, and a Deployment the HPA has not yet raised from the
 * API's default of 1 is not ready either.
 */
export function deploymentAvailable(o: Observed): { ready: boolean; available: number } {
  const d = o.deployment;
  const available = d?.status?.availableReplicas ?? 0;
  const current = (d?.status?.observedGeneration ?? -1) >= (d?.metadata?.generation ?? 0);
  const updated = d?.status?.updatedReplicas ?? 0;
  const wanted = Math.max(o.replicas, d?.spec?.replicas ?? 0);
  return { ready: !!d && current && updated >= wanted && available >= o.replicas, available };
}

export function desiredStatus(
  o: Observed,
  previous: SmartServiceStatus | undefined,
  now: string,
): SmartServiceStatus {
  const prev = previous?.conditions;
  const { ready, available } = deploymentAvailable(o);
  const g = o.generation;
  let conditions: Condition[];
  if (o.stalled) {
    conditions = [
      condition(CONDITIONS.Ready, false, o.stalled.reason, o.stalled.message, g, prev, now),
      condition(CONDITIONS.Reconciling, false, o.stalled.reason, o.stalled.message, g, prev, now),
      condition(CONDITIONS.Stalled, true, o.stalled.reason, o.stalled.message, g, prev, now),
    ];
  } else if (ready) {
    const msg = `${available} of ${o.replicas} replicas available`;
    conditions = [
      condition(CONDITIONS.Ready, true, REASONS.Available, msg, g, prev, now),
      condition(CONDITIONS.Reconciling, false, REASONS.Reconciled, msg, g, prev, now),
      condition(CONDITIONS.Stalled, false, REASONS.NotStalled, "", g, prev, now),
    ];
  } else {
    const msg = `${available} of ${o.replicas} replicas available; waiting for the rollout`;
    conditions = [
      condition(CONDITIONS.Ready, false, REASONS.Progressing, msg, g, prev, now),
      condition(CONDITIONS.Reconciling, true, REASONS.Progressing, msg, g, prev, now),
      condition(CONDITIONS.Stalled, false, REASONS.NotStalled, "", g, prev, now),
    ];
  }
  const status: SmartServiceStatus = {
    observedGeneration: g,
    conditions,
    children: [...o.children].sort(),
    availableReplicas: available,
  };
  if (o.url) status.url = o.url;
  return status;
}

/** Same status (key order aside): no write needed. */
export function sameStatus(a: SmartServiceStatus | undefined, b: SmartServiceStatus): boolean {
  return isDeepStrictEqual(JSON.parse(JSON.stringify(a ?? {})), JSON.parse(JSON.stringify(b)));
}
