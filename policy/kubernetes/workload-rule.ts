// A resource rule about the pods a workload runs. Most Kubernetes rules read only the pod template,
// and every message they give starts with the workload it is about; this keeps both in one place.
import type { ResourceRule, RuleMeta } from "../rule.ts";
import { describeWorkload, type Workload, workload } from "./objects.ts";

export interface WorkloadCheck extends RuleMeta {
  /** Reports each violation in the workload, saying what to change; the workload is named before it. */
  check(w: Workload, report: (message: string) => void): void;
}

/** The rule as the pack runs it: resources that run no pods pass; the others get `check`. */
export function workloadRule({ check, ...meta }: WorkloadCheck): ResourceRule {
  return {
    ...meta,
    kind: "resource",
    check(r) {
      const w = workload(r);
      if (!w) return [];
      const out: string[] = [];
      check(w, (message) => out.push(`${describeWorkload(w)}: ${message}`));
      return out;
    },
  };
}
