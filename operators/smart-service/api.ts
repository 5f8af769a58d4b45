// The SmartService API as the operator speaks it: group, kind, the children it may own, condition
// types and reasons (constants, so tests, alerts and dashboards match on them), field managers.
import type { KubernetesObject } from "@kubernetes/client-node";
import { GROUP } from "../../charts/labels.ts";
import { OPERATOR_NAME, SMART_SERVICE_CHILD_KINDS } from "../../charts/operator.ts";

export { GROUP };

export const VERSION = "v1alpha1";
export const API_VERSION = `${GROUP}/${VERSION}`;
export const KIND = "SmartService";
export const PLURAL = "smartservices";
export const CONTROLLER = "smartservice";

/** Children are applied under this manager; status is written under its own. */
export const FIELD_MANAGER = OPERATOR_NAME;
export const STATUS_FIELD_MANAGER = `${OPERATOR_NAME}-status`;
/** Takes `spec.replicas` over from FIELD_MANAGER when a Deployment passes its count to an autoscaler. */
export const REPLICAS_HANDOVER_MANAGER = "handover-to-hpa";
/** Every child carries this label with its SmartService's name (informers select on it). */
export const OWNER_LABEL = `${GROUP}/smartservice`;
/** A digest of what was applied, so a changed rendering is applied even where the live object
 * already has every rendered field (SSA then also removes fields no longer rendered). */
export const APPLIED_ANNOTATION = `${GROUP}/applied-digest`;

export const CONDITIONS = { Ready: "Ready", Reconciling: "Reconciling", Stalled: "Stalled" } as const;
export const REASONS = {
  /** Ready: every wanted replica is available and up to date. */
  Available: "Available",
  /** Ready false / Reconciling true: children applied, the Deployment is rolling out. */
  Progressing: "Progressing",
  /** Reconciling false: nothing left to do. */
  Reconciled: "Reconciled",
  /** Stalled false. */
  NotStalled: "NotStalled",
  /** Stalled: the chart refused the spec (fixing the spec is the only way on). */
  RenderFailed: "RenderFailed",
  /** Stalled: the API server refused a child (422 Invalid, 403 Forbidden, ...). */
  ApplyRejected: "ApplyRejected",
} as const;
export type Reason = (typeof REASONS)[keyof typeof REASONS];

export interface ChildKind {
  apiVersion: string;
  kind: string;
  plural: string;
}

/** The kinds the workload chart may render: watched for drift, pruned when no longer rendered
 * (the same list grants the operator's ClusterRole in charts/operator.ts). */
export const CHILD_KINDS: readonly ChildKind[] = SMART_SERVICE_CHILD_KINDS;

export function collectionPath(k: { apiVersion: string; plural: string }): string {
  return k.apiVersion === "v1" ? `/api/v1/${k.plural}` : `/apis/${k.apiVersion}/${k.plural}`;
}

export interface Condition {
  type: string;
  status: "True" | "False" | "Unknown";
  reason: string;
  message: string;
  observedGeneration: number;
  lastTransitionTime: string;
}

export interface SmartServiceStatus {
  observedGeneration?: number;
  conditions?: Condition[];
  /** The children's "Kind/name", sorted. */
  children?: string[];
  availableReplicas?: number;
  /** https://<host> when the service is exposed publicly. */
  url?: string;
}

export interface SmartService<Spec = unknown> extends KubernetesObject {
  spec: Spec;
  status?: SmartServiceStatus;
}

export function keyOf(o: KubernetesObject): string {
  return `${o.metadata?.namespace ?? ""}/${o.metadata?.name ?? ""}`;
}

export function splitKey(key: string): { namespace: string; name: string } {
  const i = key.indexOf("/");
  return { namespace: key.slice(0, i), name: key.slice(i + 1) };
}
