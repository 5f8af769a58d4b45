// Alerts on the SmartService operator, against controller-runtime's metric names
// (controller_runtime_reconcile_errors_total{controller}, controller_runtime_reconcile_total,
// workqueue_depth{name,controller}): reconcile errors, a queue that grows, a queue that is stalled,
// the process not answering.
import { JOB, OPERATOR } from "../metric-names.ts";
import { forDuration, type RuleGroup, type RuleOptions, windowDuration } from "./types.ts";

export function operatorRules(options: RuleOptions): RuleGroup {
  const labels = { severity: "ticket" as const, opd: options.networkOpd };
  // The windows scale with the for: durations (a twin drill shortens both alike).
  const w = (seconds: number) => windowDuration(seconds, options);
  return {
    name: "baubau-operator",
    rules: [
      {
        alert: "OperatorReconcileErrors",
        expr: `sum by (controller) (rate(${OPERATOR.reconcileErrors}{job="${JOB.operator}"}[${w(300)}])) > 0`,
        for: forDuration(600, options),
        labels,
        annotations: {
          summary: "Controller {{ $labels.controller }} keeps failing to reconcile",
          description:
            "{{ $labels.controller }} has returned reconcile errors at {{ $value | humanize }}/s for the whole alert window.",
        },
      },
      {
        // Growing: never empty over the window and still rising. A queue that drains, even slowly, is fine.
        alert: "OperatorWorkQueueGrowing",
        expr:
          `min_over_time(${OPERATOR.workqueueDepth}{job="${JOB.operator}"}[${w(900)}]) > 0` +
          ` and deriv(${OPERATOR.workqueueDepth}{job="${JOB.operator}"}[${w(900)}]) > 0`,
        for: forDuration(900, options),
        labels,
        annotations: {
          summary: "Work queue {{ $labels.name }} keeps growing",
          description:
            "The work queue {{ $labels.name }} has not been empty and kept growing for 30 minutes: the operator falls behind.",
        },
      },
      {
        // Stalled: items wait and no reconcile finishes (workers hung, or the controller not running
        // while the process still answers). A busy queue that keeps reconciling is not stalled.
        alert: "OperatorWorkQueueStalled",
        expr:
          `min by (job, instance, controller) (min_over_time(${OPERATOR.workqueueDepth}{job="${JOB.operator}"}[${w(600)}])) > 0` +
          " unless on (job, instance, controller)" +
          ` sum by (job, instance, controller) (increase(${OPERATOR.reconcileTotal}{job="${JOB.operator}"}[${w(600)}])) > 0`,
        for: forDuration(300, options),
        labels,
        annotations: {
          summary: "Work queue of {{ $labels.controller }} on {{ $labels.instance }} is stalled",
          description:
            "{{ $labels.controller }} has had items waiting and finished no reconcile for 15 minutes: its workers are stuck.",
        },
      },
      {
        alert: "OperatorDown",
        expr: `up{job="${JOB.operator}"} == 0`,
        for: forDuration(300, options),
        labels,
        annotations: {
          summary: "The SmartService operator does not answer scrapes",
          description: "{{ $labels.instance }} has been down for the whole alert window: nothing reconciles.",
        },
      },
    ],
  };
}
