// Network alerts: a site that does not answer its probe, a PoP or core whose loss cuts sites off,
// a link under its optical margin. Probe series carry the site's labels (site, category, opd, pop,
// kecamatan) from the scrape configuration, so each alert routes to the site's owner OPD.
import { REQUIRED_MARGIN_DB } from "../../model/analyses/optical-loss.ts";
import { JOB, M, R } from "../metric-names.ts";
import { forDuration, type RuleGroup, type RuleOptions } from "./types.ts";

export function networkRules(options: RuleOptions): RuleGroup {
  const probe = `probe_success{job="${JOB.sites}"}`;
  return {
    name: "baubau-network",
    rules: [
      { record: R.sitesReachable, expr: `avg(${probe})` },
      {
        alert: "SiteUnreachable",
        expr: `${probe} == 0`,
        for: forDuration(120, options),
        labels: { severity: "ticket" },
        annotations: {
          summary: "Site {{ $labels.site }} does not answer its management address",
          description:
            "The probe of {{ $labels.site }} ({{ $labels.category }}, {{ $labels.kecamatan }}, homed on {{ $labels.pop }}) has failed for the whole alert window.",
        },
      },
      {
        // Only a PoP or core whose loss leaves served sites without any path to a core pages; the
        // sites behind it are silenced by Alertmanager's inhibition (same `pop` label).
        alert: "PopDown",
        expr: `(${probe.replace("}", ',category=~"pop|core"}')} == 0) and on (site) (${M.siteCutOff} > 0)`,
        for: forDuration(60, options),
        labels: { severity: "page", opd: options.networkOpd },
        annotations: {
          summary: "{{ $labels.site }} is down and cuts sites off",
          description:
            "{{ $labels.site }} does not answer, and the model says losing it leaves served sites with no path to a core.",
        },
      },
      {
        alert: "LinkOpticalMarginLow",
        expr: `${M.linkMargin}{status="operational"} < ${REQUIRED_MARGIN_DB}`,
        for: forDuration(900, options),
        labels: { severity: "ticket", opd: options.networkOpd },
        annotations: {
          summary: "Link {{ $labels.link }} is under its optical margin",
          description: `{{ $labels.link }} keeps {{ $value }} dB of margin; the design rule is at least ${REQUIRED_MARGIN_DB} dB.`,
        },
      },
    ],
  };
}
