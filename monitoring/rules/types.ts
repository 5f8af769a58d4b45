// The shape of a Prometheus rule file (https://prometheus.io/docs/prometheus/latest/configuration/recording_rules/),
// typed so the builders cannot emit a misspelt key.
export interface RecordingRule {
  record: string;
  expr: string;
  labels?: Record<string, string>;
}

export interface AlertingRule {
  alert: string;
  expr: string;
  for?: string;
  labels: { severity: Severity } & Record<string, string>;
  annotations: { summary: string; description: string } & Record<string, string>;
}

export type Rule = RecordingRule | AlertingRule;

export interface RuleGroup {
  name: string;
  interval?: string;
  rules: Rule[];
}

/** page: someone acts now; ticket: acted on in working hours. */
export type Severity = "page" | "ticket";

export interface RuleOptions {
  /** Owner OPD of the network and the platform (alerts not about one OPD's site or service). */
  networkOpd: string;
  /** Multiplier for every `for:` duration; the twin uses small ones so a drill fires in seconds. */
  forScale: number;
}

export const DEFAULT_RULE_OPTIONS: RuleOptions = { networkOpd: "diskominfo", forScale: 1 };

function duration(s: number): string {
  if (s > 0 && s % 3600 === 0) return `${s / 3600}h`;
  if (s > 0 && s % 60 === 0) return `${s / 60}m`;
  return `${s}s`;
}

/** `for:` durations are written in seconds and scaled (a twin drill should not wait 5 minutes). */
export function forDuration(seconds: number, options: RuleOptions): string {
  return duration(Math.max(0, Math.round(seconds * options.forScale)));
}

/** A range window that must keep its proportion to a `for:` (a rate that "keeps" being high):
 * scaled with it, else one transient error would outlast a scaled `for:` and fire. At least 5s, so
 * a 1-2s scrape interval still puts two samples in it. */
export function windowDuration(seconds: number, options: RuleOptions): string {
  return duration(Math.max(5, Math.round(seconds * options.forScale)));
}
