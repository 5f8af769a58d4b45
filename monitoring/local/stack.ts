// The monitoring stack as local processes on 127.0.0.1, for the twin: the site stand-ins, the real
// blackbox exporter, the KPI exporter (with the Command Center page), Alertmanager and Prometheus,
// with configs generated from the model into one state directory. `up` waits until each answers its
// readiness URL; `down` stops exactly the processes `up` recorded.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { planIpam } from "../../model/analyses/ipam.ts";
import { formatProblems, loadInventory, loadIpamLock } from "../../model/load/index.ts";
import type { Inventory } from "../../model/types.ts";
import { alertmanagerConfigFile } from "../alertmanager/config.ts";
import { dashboardFiles } from "../dashboards/index.ts";
import { blackboxConfigFile } from "../prometheus/blackbox.ts";
import { prometheusConfigFile } from "../prometheus/config.ts";
import { ruleFile } from "../rules/index.ts";
import { type ProbedSite, probedSites } from "../sites.ts";
import { apiServerTarget } from "./kubeconfig.ts";
import { freePort, httpOk, type Started, startProcess, stopProcess, waitFor } from "./processes.ts";

export interface MonitoringOptions {
  /** State directory: configs, data, logs, state.json. */
  dir: string;
  inventoryDir: string;
  /** Twin cluster id → kubeconfig; their API servers are scraped. */
  kubeconfigs?: Record<string, string>;
  /** The cluster whose SmartServices the exporter reads. */
  servicesCluster?: string;
  /** host:port of the SmartService operator's metrics. */
  operatorTargets?: string[];
  scrapeInterval?: string;
  /** Multiplier for the rules' `for:` durations (the twin's drills use small ones). */
  forScale?: number;
  /** Keep running after the calling process exits (scripts/monitoring up). */
  detached?: boolean;
  log?: (line: string) => void;
}

export interface MonitoringState {
  dir: string;
  urls: { prometheus: string; alertmanager: string; blackbox: string; exporter: string; standIns: string };
  standInPort: number;
  sites: ProbedSite[];
  processes: Started[];
}

const SELF = import.meta.dirname;
const TSX = new URL(import.meta.resolve("tsx/esm")).pathname;
const BINARIES = {
  prometheus: "prometheus",
  alertmanager: "prometheus-alertmanager",
  blackbox: "prometheus-blackbox-exporter",
};

function requireBinary(name: string): void {
  try {
    execFileSync("sh", ["-c", `command -v ${name}`], { stdio: "ignore" });
  } catch {
    throw new Error(`${name} is not installed: run scripts/setup (it installs Debian's prometheus packages)`);
  }
}

async function load(inventoryDir: string): Promise<{ inventory: Inventory; sites: ProbedSite[] }> {
  const loaded = await loadInventory(inventoryDir);
  if (!loaded.ok) throw new Error(`the inventory has problems:\n${formatProblems(loaded.problems)}`);
  const lock = await loadIpamLock(inventoryDir);
  if (!lock.ok) throw new Error(`the IPAM lock has problems:\n${formatProblems(lock.problems)}`);
  return {
    inventory: loaded.inventory,
    sites: probedSites(loaded.inventory, planIpam(loaded.inventory, lock.lock)),
  };
}

const stateFile = (dir: string) => join(dir, "state.json");

export function readState(dir: string): MonitoringState | undefined {
  const file = stateFile(dir);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as MonitoringState) : undefined;
}

export async function upMonitoring(o: MonitoringOptions): Promise<MonitoringState> {
  const log = o.log ?? (() => {});
  const dir = resolve(o.dir);
  if (readState(dir))
    throw new Error(`monitoring already runs from ${dir} (state.json is there): run down first`);
  for (const b of Object.values(BINARIES)) requireBinary(b);
  const { inventory, sites } = await load(o.inventoryDir);
  for (const sub of ["logs", "tls", "prometheus-data", "alertmanager-data"])
    mkdirSync(join(dir, sub), { recursive: true });

  const [prometheusPort, alertmanagerPort, blackboxPort, exporterPort, standInPort, controlPort] =
    await Promise.all(Array.from({ length: 6 }, freePort));
  const at = (port: number | undefined) => `127.0.0.1:${port}`;
  const urls = {
    prometheus: `http://${at(prometheusPort)}`,
    alertmanager: `http://${at(alertmanagerPort)}`,
    blackbox: `http://${at(blackboxPort)}`,
    exporter: `http://${at(exporterPort)}`,
    standIns: `http://${at(controlPort)}`,
  };
  const scrapeInterval = o.scrapeInterval ?? "1s";
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const rules = file("rules.yaml", ruleFile({ forScale: o.forScale ?? 1 }));
  const apiservers = Object.entries(o.kubeconfigs ?? {}).map(([cluster, kc]) =>
    apiServerTarget(cluster, kc, join(dir, "tls")),
  );
  const prometheusYml = file(
    "prometheus.yml",
    prometheusConfigFile({
      scrapeInterval,
      evaluationInterval: scrapeInterval,
      prometheus: at(prometheusPort),
      exporter: [at(exporterPort)],
      operator: o.operatorTargets ?? [],
      apiservers,
      blackbox: at(blackboxPort),
      sites,
      siteProbe: { module: "http_2xx", address: "stand-in", port: standInPort },
      alertmanagers: [at(alertmanagerPort)],
      ruleFiles: [rules],
    }),
  );
  const alertmanagerYml = file(
    "alertmanager.yml",
    alertmanagerConfigFile({
      opds: inventory.tenants.map((t) => t.id),
      groupWait: "1s",
      groupInterval: "5s",
      repeatInterval: "1h",
    }),
  );
  const blackboxYml = file("blackbox.yml", blackboxConfigFile("1s"));
  // Grafana is not part of the twin: the dashboards are written as the files it would provision.
  mkdirSync(join(dir, "dashboards"), { recursive: true });
  for (const [name, json] of Object.entries(dashboardFiles())) file(join("dashboards", name), json);

  const processes: Started[] = [];
  const state: MonitoringState = { dir, urls, standInPort: standInPort as number, sites, processes };
  const save = () => writeFileSync(stateFile(dir), `${JSON.stringify(state, null, 2)}\n`);
  const start = (name: string, cmd: string, args: readonly string[]) => {
    const p = startProcess(name, cmd, args, join(dir, "logs", `${name}.log`), o.detached ?? false);
    processes.push(p);
    save();
    log(`${name} started (pid ${p.pid})`);
    return p;
  };
  const tsx = (main: string, args: string[]) =>
    [process.execPath, ["--import", TSX, join(SELF, "..", main), ...args]] as const;

  try {
    const standIns = start(
      "site-stand-ins",
      ...tsx("standins/main.ts", [
        "--inventory",
        o.inventoryDir,
        "--port",
        String(standInPort),
        "--control",
        at(controlPort),
      ]),
    );
    await waitFor("the site stand-ins", httpOk(`${urls.standIns}/sites`), 60_000, standIns);
    const blackbox = start("blackbox-exporter", BINARIES.blackbox, [
      `--config.file=${blackboxYml}`,
      `--web.listen-address=${at(blackboxPort)}`,
    ]);
    await waitFor("the blackbox exporter", httpOk(`${urls.blackbox}/-/healthy`), 30_000, blackbox);
    const kubeconfig = o.servicesCluster ? o.kubeconfigs?.[o.servicesCluster] : undefined;
    const exporter = start(
      "kpi-exporter",
      ...tsx("exporter/main.ts", [
        "--inventory",
        o.inventoryDir,
        "--listen",
        at(exporterPort),
        "--prometheus",
        urls.prometheus,
        "--alertmanager",
        urls.alertmanager,
        "--poll-interval-ms",
        "1000",
        ...(kubeconfig ? ["--kubeconfig", kubeconfig] : []),
      ]),
    );
    await waitFor("the KPI exporter", httpOk(`${urls.exporter}/healthz`), 60_000, exporter);
    const alertmanager = start("alertmanager", BINARIES.alertmanager, [
      `--config.file=${alertmanagerYml}`,
      `--storage.path=${join(dir, "alertmanager-data")}`,
      `--web.listen-address=${at(alertmanagerPort)}`,
      // No HA gossip: it would listen on 0.0.0.0:9094.
      "--cluster.listen-address=",
    ]);
    await waitFor("Alertmanager", httpOk(`${urls.alertmanager}/-/ready`), 30_000, alertmanager);
    const prometheus = start("prometheus", BINARIES.prometheus, [
      `--config.file=${prometheusYml}`,
      `--storage.tsdb.path=${join(dir, "prometheus-data")}`,
      `--web.listen-address=${at(prometheusPort)}`,
      "--storage.tsdb.retention.time=1d",
    ]);
    await waitFor("Prometheus", httpOk(`${urls.prometheus}/-/ready`), 60_000, prometheus);
  } catch (err) {
    await downMonitoring(dir);
    throw err;
  }
  return state;
}

/** Stops every process `up` recorded (newest first) and removes the state; data and logs stay. */
export async function downMonitoring(dir: string): Promise<string[]> {
  const state = readState(resolve(dir));
  if (!state) return [];
  for (const p of [...state.processes].reverse()) await stopProcess(p);
  rmSync(stateFile(resolve(dir)));
  return state.processes.map((p) => p.name);
}

/** Takes a site's stand-in down or up again (a fault drill). */
export async function setSite(
  state: Pick<MonitoringState, "urls">,
  site: string,
  to: "up" | "down",
): Promise<void> {
  const res = await fetch(`${state.urls.standIns}/sites/${encodeURIComponent(site)}/${to}`, {
    method: "POST",
  });
  if (!res.ok)
    throw new Error(`site ${site}: ${((await res.json()) as { error?: string }).error ?? res.status}`);
}

/** Removes the state directory entirely (after down). */
export function removeState(dir: string): void {
  rmSync(resolve(dir), { recursive: true, force: true });
}
