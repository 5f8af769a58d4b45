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

/** The operator's replicas in production (it runs in-cluster from charts/operator.ts), found by DNS:
 * `name` resolves to one A record per replica — a headless Service's name, e.g.
 * smartservice-operator-metrics.smartcity-system.svc.cluster.local — so the leader and the warm
 * follower are two instances, never one random pod behind a Service's virtual address. DNS, not
 * kubernetes_sd_configs: Debian's Prometheus 2.42 is built without Kubernetes discovery. */
export interface OperatorDns {
  cluster: string;
  name: string;
  port: number;
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
  /** host:port of local operator processes (the twin). */
  operator: string[];
  /** In-cluster operators (production), one job per cluster, all labelled job="smartservice-operator". */
  operatorDns?: OperatorDns[];
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

const tlsConfig = (tls: TlsFiles) => ({
  ...(tls.caFile ? { ca_file: tls.caFile } : {}),
  ...(tls.certFile ? { cert_file: tls.certFile } : {}),
  ...(tls.keyFile ? { key_file: tls.keyFile } : {}),
  ...(tls.insecureSkipVerify ? { insecure_skip_verify: true } : {}),
});

const DNS_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;

function operatorDnsJob(o: OperatorDns) {
  if (!DNS_NAME.test(o.name)) throw new Error(`operator in ${o.cluster}: "${o.name}" is not a DNS name`);
  if (!Number.isInteger(o.port) || o.port < 1 || o.port > 65535)
    throw new Error(`operator in ${o.cluster}: port ${o.port} is not in 1..65535`);
  return {
    job_name: `${JOB.operator}-${o.cluster}`,
    dns_sd_configs: [{ names: [o.name], type: "A", port: o.port }],
    relabel_configs: [
      { target_label: "cluster", replacement: o.cluster },
      { target_label: "job", replacement: JOB.operator },
    ],
  };
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
      ...(o.operatorDns ?? []).map(operatorDnsJob),
      // One job per cluster (each has its own client certificate), all labelled job="kubernetes-apiservers".
      ...o.apiservers.map((a) => ({
        job_name: `${JOB.apiservers}-${a.cluster}`,
        scheme: "https",
        tls_config: tlsConfig(a.tls),
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
