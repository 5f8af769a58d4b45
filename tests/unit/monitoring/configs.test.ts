// The generated Prometheus, blackbox and Alertmanager configurations pass the real tools' checks
// (`promtool check config`, `amtool check-config`), and `amtool config routes test` walks the
// routing tree for each kind of alert to the receivers it must reach.
import { execFile } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operatorManifests } from "../../../charts/operator.ts";
import type { Inventory } from "../../../model/types.ts";
import { alertmanagerConfig, alertmanagerConfigFile } from "../../../monitoring/alertmanager/config.ts";
import { blackboxConfigFile } from "../../../monitoring/prometheus/blackbox.ts";
import {
  type PrometheusOptions,
  prometheusConfig,
  prometheusConfigFile,
} from "../../../monitoring/prometheus/config.ts";
import { ruleFile } from "../../../monitoring/rules/index.ts";
import { type ProbedSite, probedSites, standInAddress } from "../../../monitoring/sites.ts";
import { realInventory, runTool, scratch } from "./fixture.ts";

const run = promisify(execFile);
const dir = scratch("monitoring-config");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tool = (cmd: string, args: string[]) => runTool(dir, cmd, args);

let inventory: Inventory;
let sites: ProbedSite[];
let options: PrometheusOptions;

/** The DNS name and port of the operator's metrics Service as charts/operator.ts renders it. */
function operatorMetricsService() {
  const svc = operatorManifests({ image: "registry.baubaukota.go.id/platform/operator:0.1.0" }).find(
    (m) => m.kind === "Service",
  ) as unknown as {
    metadata: { name: string; namespace: string };
    spec: { ports: { port: number }[] };
  };
  return {
    name: `${svc.metadata.name}.${svc.metadata.namespace}.svc.cluster.local`,
    port: svc.spec.ports[0]?.port ?? 0,
  };
}

beforeAll(async () => {
  const real = await realInventory();
  inventory = real.inventory;
  sites = probedSites(inventory, real.ipam);
  // promtool checks that referenced files exist; their content is the twin's business.
  for (const f of ["ca.crt", "admin.crt", "admin.key"]) writeFileSync(join(dir, f), "");
  writeFileSync(join(dir, "rules.yaml"), ruleFile());
  options = {
    scrapeInterval: "15s",
    evaluationInterval: "15s",
    prometheus: "127.0.0.1:9090",
    exporter: ["127.0.0.1:9464"],
    operator: ["127.0.0.1:8080"],
    apiservers: ["dc-mgmt", "dc-prod"].map((cluster, i) => ({
      cluster,
      address: `127.0.0.1:${6443 + i}`,
      tls: { caFile: join(dir, "ca.crt"), certFile: join(dir, "admin.crt"), keyFile: join(dir, "admin.key") },
    })),
    blackbox: "127.0.0.1:9115",
    sites,
    siteProbe: { module: "http_2xx", address: "stand-in", port: 9180 },
    alertmanagers: ["127.0.0.1:9093"],
    ruleFiles: [join(dir, "rules.yaml")],
  };
});

describe("site probes", () => {
  it("probes every operational site at its IPAM management address, stand-in on 127/8", () => {
    const operational = inventory.sites.filter((s) => s.connection.status === "operational");
    expect(sites.map((s) => s.site)).toEqual(operational.map((s) => s.id).sort());
    for (const s of sites) {
      expect(s.managementAddress).toMatch(/^10\.72\.\d+\.\d+$/);
      expect(s.standInAddress).toBe(s.managementAddress.replace(/^10\./, "127."));
    }
    expect(new Set(sites.map((s) => s.standInAddress)).size).toBe(sites.length);
    // A PoP names itself as its pop (so PopDown inhibits it); a school names its home PoP.
    const pop = sites.find((s) => s.category === "pop");
    expect(pop?.pop).toBe(pop?.site);
    const school = sites.find((s) => s.site === "sdn-2-bataraguru");
    expect(school).toMatchObject({ pop: "pop-wolio", opd: "dikpora" });
  });

  it("refuses an address outside 10/8", () => {
    expect(() => standInAddress("192.168.1.1")).toThrow("outside 10.0.0.0/8");
    expect(() => standInAddress("10.72.300.1")).toThrow('not an IPv4 address: "10.72.300.1"');
  });
});

describe("prometheus config", () => {
  it("promtool check config accepts it (twin and production forms)", async () => {
    writeFileSync(join(dir, "prometheus.yml"), prometheusConfigFile(options));
    const twin = await tool("promtool", ["check", "config", "prometheus.yml"]);
    expect(twin.out).toContain("SUCCESS");
    expect(twin.ok).toBe(true);
    const production = prometheusConfigFile({
      ...options,
      scrapeInterval: "30s",
      siteProbe: { module: "icmp", address: "management" },
      operator: [],
      operatorDns: [{ cluster: "dc-prod", ...operatorMetricsService() }],
    });
    writeFileSync(join(dir, "production.yml"), production);
    expect(production).toContain("- 10.72.");
    const checked = await tool("promtool", ["check", "config", "production.yml"]);
    expect(checked.out).toContain("SUCCESS");
    expect(checked.ok).toBe(true);
  });

  it("production: every replica of the in-cluster operator, by the DNS name of its metrics Service", () => {
    const where = operatorMetricsService();
    const jobs = prometheusConfig({
      ...options,
      operator: [],
      operatorDns: [{ cluster: "dc-prod", ...where }],
    }).scrape_configs.filter((j) => j.job_name.startsWith("smartservice-operator"));
    // The static job stays (empty) beside the discovered one; rules select on job="smartservice-operator".
    expect(jobs.map((j) => j.job_name)).toEqual(["smartservice-operator", "smartservice-operator-dc-prod"]);
    expect(jobs[1]).toEqual({
      job_name: "smartservice-operator-dc-prod",
      dns_sd_configs: [
        {
          names: ["smartservice-operator-metrics.smartcity-system.svc.cluster.local"],
          type: "A",
          port: 8080,
        },
      ],
      relabel_configs: [
        { target_label: "cluster", replacement: "dc-prod" },
        { target_label: "job", replacement: "smartservice-operator" },
      ],
    });
    expect(() =>
      prometheusConfig({
        ...options,
        operatorDns: [{ cluster: "dc-prod", name: "Smart Service", port: 8080 }],
      }),
    ).toThrow('operator in dc-prod: "Smart Service" is not a DNS name');
    expect(() =>
      prometheusConfig({ ...options, operatorDns: [{ cluster: "dc-prod", name: "a.svc", port: 0 }] }),
    ).toThrow("operator in dc-prod: port 0 is not in 1..65535");
  });

  it("promtool check config rejects a broken file (the check can fail)", async () => {
    writeFileSync(
      join(dir, "broken.yml"),
      prometheusConfigFile(options).replace("scrape_interval", "scrape_intervall"),
    );
    const r = await tool("promtool", ["check", "config", "broken.yml"]);
    expect(r.ok).toBe(false);
    expect(r.out).toContain("scrape_intervall");
  });

  it("has one probe per site with its routing labels, and relabels it through the blackbox exporter", () => {
    const job = prometheusConfig(options).scrape_configs.find((j) => j.job_name === "site-probe") as {
      static_configs: { targets: string[]; labels: Record<string, string> }[];
    };
    expect(job.static_configs).toHaveLength(sites.length);
    const first = job.static_configs[0];
    expect(first?.targets).toEqual([`http://${sites[0]?.standInAddress}:9180/`]);
    expect(Object.keys(first?.labels ?? {}).sort()).toEqual(["category", "kecamatan", "opd", "pop", "site"]);
  });

  it("caps the scrape timeout at a short interval and names bad options", () => {
    expect(prometheusConfig({ ...options, scrapeInterval: "1s" }).global.scrape_timeout).toBe("1s");
    expect(() => prometheusConfig({ ...options, scrapeInterval: "1 s" })).toThrow(
      '"1 s" is not a Prometheus duration',
    );
    expect(() => prometheusConfig({ ...options, exporter: ["localhost"] })).toThrow(
      'kpi-exporter: "localhost" is not host:port',
    );
  });
});

describe("blackbox config", () => {
  it("the real blackbox exporter accepts its modules", async () => {
    writeFileSync(join(dir, "blackbox.yml"), blackboxConfigFile());
    const r = await tool("prometheus-blackbox-exporter", ["--config.check", "--config.file", "blackbox.yml"]);
    expect(r.out).toContain("Config file is ok");
    expect(r.ok).toBe(true);
  });
});

describe("alertmanager config", () => {
  const opds = () => inventory.tenants.map((t) => t.id);
  // amtool prints the receivers on stdout (and a deprecation warning about --config.file on stderr).
  const routes = async (labels: string[]) => {
    const r = await run(
      "amtool",
      ["config", "routes", "test", "--config.file", "alertmanager.yml", ...labels],
      {
        cwd: dir,
      },
    );
    return r.stdout.trim();
  };

  beforeAll(() => {
    writeFileSync(join(dir, "alertmanager.yml"), alertmanagerConfigFile({ opds: opds() }));
  });

  it("amtool check-config accepts it", async () => {
    const r = await tool("amtool", ["check-config", "alertmanager.yml"]);
    expect(r.out).toContain("SUCCESS");
    expect(r.out).toContain(`${2 + 2 * opds().length} receivers`);
    expect(r.out).toContain("3 inhibit rules");
    expect(r.ok).toBe(true);
  });

  it("routes by owner OPD and severity (amtool config routes test)", async () => {
    expect(await routes(["alertname=SiteUnreachable", "severity=ticket", "opd=dikpora"])).toBe("opd-dikpora");
    expect(await routes(["alertname=SmartServiceNotReady", "severity=page", "opd=dpmptsp"])).toBe(
      "noc-page,opd-dpmptsp-page",
    );
    expect(await routes(["alertname=PopDown", "severity=page", "opd=diskominfo"])).toBe(
      "noc-page,opd-diskominfo-page",
    );
    // An alert with no known owner stays with the NOC.
    expect(await routes(["alertname=SiteUnreachable", "severity=ticket", "opd=unassigned"])).toBe("noc");
  });

  it("inhibits a PoP's sites while the PoP is down, by the pop label", () => {
    const cfg = alertmanagerConfig({ opds: opds() });
    expect(cfg.inhibit_rules[0]).toEqual({
      source_matchers: ['alertname="PopDown"'],
      target_matchers: ['alertname="SiteUnreachable"'],
      equal: ["pop"],
    });
  });

  it("refuses integrations for a receiver that does not exist, and OPD ids that cannot name one", () => {
    expect(() => alertmanagerConfig({ opds: ["dinkes"], integrations: { "opd-dinks": {} } })).toThrow(
      'integrations for unknown receiver "opd-dinks"',
    );
    expect(() => alertmanagerConfig({ opds: ["Din Kes"] })).toThrow(
      'OPD id "Din Kes" cannot name a receiver',
    );
  });
});
