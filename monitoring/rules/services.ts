// SmartService alerts: a city service whose Ready condition is not True. Essential services page
// their owner OPD; the rest open a ticket. `baubau_smart_service_ready` comes from the KPI exporter,
// which reads the SmartService objects (status.conditions[type=Ready]) from the cluster.
import { M } from "../metric-names.ts";
import { forDuration, type RuleGroup, type RuleOptions } from "./types.ts";

export function serviceRules(options: RuleOptions): RuleGroup {
  const notReady = (essential: boolean) => `${M.smartServiceReady}{essential="${essential}"} == 0`;
  const annotations = {
    summary: "SmartService {{ $labels.namespace }}/{{ $labels.name }} is not Ready",
    description:
      "The Ready condition of {{ $labels.namespace }}/{{ $labels.name }} (owner {{ $labels.opd }}) has not been True for the whole alert window.",
  };
  return {
    name: "baubau-services",
    rules: [
      {
        alert: "SmartServiceNotReady",
        expr: notReady(true),
        for: forDuration(300, options),
        labels: { severity: "page" },
        annotations,
      },
      {
        alert: "SmartServiceNotReady",
        expr: notReady(false),
        for: forDuration(900, options),
        labels: { severity: "ticket" },
        annotations,
      },
    ],
  };
}
