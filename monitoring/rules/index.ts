// Every rule group monitoring ships, as one Prometheus rule file.
import { stringify } from "yaml";
import { datacenterRules } from "./datacenter.ts";
import { kpiRules } from "./kpi.ts";
import { networkRules } from "./network.ts";
import { operatorRules } from "./operator.ts";
import { serviceRules } from "./services.ts";
import { sloRules } from "./slo.ts";
import { DEFAULT_RULE_OPTIONS, type RuleGroup, type RuleOptions } from "./types.ts";

export type { RuleGroup, RuleOptions } from "./types.ts";

export function ruleGroups(options: Partial<RuleOptions> = {}): RuleGroup[] {
  const o = { ...DEFAULT_RULE_OPTIONS, ...options };
  return [
    kpiRules(o),
    networkRules(o),
    serviceRules(o),
    operatorRules(o),
    datacenterRules(o),
    sloRules(undefined, o.networkOpd),
  ];
}

/** The rule file Prometheus loads (`rule_files`). */
export function ruleFile(options: Partial<RuleOptions> = {}): string {
  return stringify({ groups: ruleGroups(options) }, { lineWidth: 0 });
}
