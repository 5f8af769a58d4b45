// Prometheus configuration from the model: scrape jobs for the KPI exporter, the SmartService
// operator and the clusters' API servers, and one blackbox probe per operational site (labelled with
// the site's owner OPD, PoP, category and kecamatan, so every alert about it routes to its owner).
// Pure: the caller says where things listen; production and the twin differ only in these options.
import { stringify } from "yaml";
import { JOB } from "../metric-names.ts";
import type { ProbedSite } from "../sites.ts";

export interface TlsFiles {
  caFile?: string;
  certFile?: string;
  keyFile?: string;
  /** Only for the twin's self-signed API servers when no CA file is at hand. */
  insecureSkipVerify?: boolean;
}

export interface ApiServerTarget {
  cluster: string;
  /** host:port */
  address: string;
  tls: TlsFiles;
  bearerTokenFile?: string;
}

export interface SiteProbe {
  /** Blackbox module: `icmp` against management addresses in production, `http_2xx` against stand-ins. */
  module: string;
  address: "management" | "stand-in";
  /** With a port the target is http://address:port/, without it the bare address (icmp, tcp). */
  port?: number;
}

export interface PrometheusOptions {
  scrapeInterval: string;
  evaluationInterval: string;
  /** host:port of Prometheus itself (it scrapes its own metrics). */
  prometheus: string;
  /** host:port of each, as Prometheus reaches them. */
  exporter: string[];
  operator: string[];
  apiservers: ApiServerTarget[];
  blackbox: string;
  sites: ProbedSite[];
  siteProbe: SiteProbe;
  alertmanagers: string[];
  ruleFiles: string[];
  externalLabels?: Record<string, string>;
}

const DURATION = /^(\d+)(ms|s|m|h|d)$/;
const SECONDS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 };

export function durationSeconds(d: string): number {
  const m = DURATION.exec(d);
  if (!m) throw new Error(`"${d}" is not a Prometheus duration like 15s, 1m or 2h`);
  return Number(m[1]) * (SECONDS[m[2] as string] as number);
}

const HOST_PORT = /^[A-Za-z0-9.-]+:\d{1,5}$/;

function hostPorts(what: string, list: readonly string[]): string[] {
  for (const t of list) if (!HOST_PORT.test(t)) throw new Error(`${what}: "${t}" is not host:port`);
  return [...list];
}

function probeTarget(site: ProbedSite, probe: SiteProbe): string {
  const address = probe.address === "management" ? site.managementAddress : site.standInAddress;
  return probe.port === undefined ? address : `http://${address}:${probe.port}/`;
}

export function prometheusConfig(o: PrometheusOptions) {
  // Prometheus refuses a scrape timeout longer than the interval; its default is 10s.
  const timeout = durationSeconds(o.scrapeInterval) < 10 ? o.scrapeInterval : "10s";
  durationSeconds(o.evaluationInterval);
  const staticJob = (job: string, targets: string[]) => ({
    job_name: job,
    static_configs: [{ targets: hostPorts(job, targets) }],
  });
  return {
    global: {
      scrape_interval: o.scrapeInterval,
      scrape_timeout: timeout,
      evaluation_interval: o.evaluationInterval,
      ...(o.externalLabels ? { external_labels: o.externalLabels } : {}),
    },
    rule_files: o.ruleFiles,
    alerting: {
      alertmanagers: [{ static_configs: [{ targets: hostPorts("alertmanagers", o.alertmanagers) }] }],
    },
    scrape_configs: [
      staticJob(JOB.prometheus, [o.prometheus]),
      staticJob(JOB.exporter, o.exporter),
      staticJob(JOB.operator, o.operator),
      // One job per cluster (each has its own client certificate), all labelled job="kubernetes-apiservers".
      ...o.apiservers.map((a) => ({
        job_name: `${JOB.apiservers}-${a.cluster}`,
        scheme: "https",
        tls_config: {
          ...(a.tls.caFile ? { ca_file: a.tls.caFile } : {}),
          ...(a.tls.certFile ? { cert_file: a.tls.certFile } : {}),
          ...(a.tls.keyFile ? { key_file: a.tls.keyFile } : {}),
          ...(a.tls.insecureSkipVerify ? { insecure_skip_verify: true } : {}),
        },
        ...(a.bearerTokenFile ? { authorization: { credentials_file: a.bearerTokenFile } } : {}),
        static_configs: [{ targets: hostPorts(a.cluster, [a.address]), labels: { cluster: a.cluster } }],
        relabel_configs: [{ target_label: "job", replacement: JOB.apiservers }],
      })),
      {
        job_name: JOB.sites,
        metrics_path: "/probe",
        params: { module: [o.siteProbe.module] },
        static_configs: o.sites.map((s) => ({
          targets: [probeTarget(s, o.siteProbe)],
          labels: { site: s.site, category: s.category, kecamatan: s.kecamatan, opd: s.opd, pop: s.pop },
        })),
        relabel_configs: [
          { source_labels: ["__address__"], target_label: "__param_target" },
          { source_labels: ["site"], target_label: "instance" },
          { target_label: "__address__", replacement: hostPorts("blackbox", [o.blackbox])[0] },
        ],
      },
    ],
  };
}

export function prometheusConfigFile(o: PrometheusOptions): string {
  return stringify(prometheusConfig(o), { lineWidth: 0 });
}
