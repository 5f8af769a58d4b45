// The SmartService operator as a background process against a twin cluster (kwok runs no
// containers, so in the twin the operator cannot be the pod charts/operator.ts describes): started
// detached with its JSON log in .twin/operator/<cluster>.log, recorded in <cluster>.json (pid,
// metrics address, the API server it talks to), reused while it is alive and healthy against the
// same API server, stopped by that pid. Used by scripts/operator start|stop|status, scripts/start
// and scripts/twin down.
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ROOT, TWIN_DIR } from "../toolchain/paths.ts";
import { $ } from "../toolchain/process.ts";
import { serverOf } from "../twin/api.ts";
import { kubectl, paths } from "../twin/kwok.ts";

export const OPERATOR_DIR = join(TWIN_DIR, "operator");

export const operatorFiles = {
  state: (cluster: string) => join(OPERATOR_DIR, `${cluster}.json`),
  log: (cluster: string) => join(OPERATOR_DIR, `${cluster}.log`),
};

export interface BackgroundOperator {
  cluster: string;
  pid: number;
  /** host:port of /metrics, /healthz, /readyz */
  address: string;
  /** The API server it was started against (a recreated twin has another port). */
  server: string;
  log: string;
  startedAt: string;
}

type Say = (message: string) => void;

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The process is still ours: alive, and its command line is the operator's (not a reused pid). */
export function isOperatorProcess(pid: number): boolean {
  if (!alive(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("scripts/operator.ts");
  } catch {
    return false;
  }
}

function apiServer(cluster: string): string {
  const file = paths.kubeconfig(cluster);
  if (!existsSync(file))
    throw new Error(`no twin cluster ${cluster}: ${file} does not exist (scripts/twin up)`);
  return serverOf(file);
}

export function readState(cluster: string): BackgroundOperator | undefined {
  const file = operatorFiles.state(cluster);
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, "utf8")) as BackgroundOperator;
}

async function healthy(op: BackgroundOperator): Promise<boolean> {
  try {
    return (await fetch(`http://${op.address}/healthz`, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}

/** The last lines of the operator's log, for a failure message. */
function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

/** The metrics address from the operator's first log line ("serving metrics and health probes"). */
function servingAddress(log: string): string | undefined {
  if (!existsSync(log)) return undefined;
  for (const line of readFileSync(log, "utf8").split("\n")) {
    if (!line.startsWith("{")) continue;
    const entry = JSON.parse(line) as { msg?: string; address?: string };
    if (entry.msg === "serving metrics and health probes" && entry.address) return entry.address;
  }
  return undefined;
}

export interface StartResult {
  operator: BackgroundOperator;
  /** True when an operator already running against this cluster was kept. */
  reused: boolean;
}

/**
 * Starts the operator against a twin cluster in the background, or keeps the one running there
 * (alive, answering /healthz, started against the same API server). Resolves once it serves; a
 * process that exits first fails with its log's last lines.
 */
export async function startOperator(
  cluster: string,
  say: Say,
  opts: { workers?: number; timeoutMs?: number } = {},
): Promise<StartResult> {
  const server = apiServer(cluster);
  const running = readState(cluster);
  if (running && isOperatorProcess(running.pid)) {
    if (running.server === server && (await healthy(running))) return { operator: running, reused: true };
    say(
      `operator pid ${running.pid} on ${cluster} ${running.server === server ? "does not answer /healthz" : `talks to ${running.server}, the twin now serves ${server}`}; restarting it`,
    );
    await stopOperator(cluster, say);
  }
  await mkdir(OPERATOR_DIR, { recursive: true });
  const log = operatorFiles.log(cluster);
  await rm(log, { force: true });
  const args = [
    "--cluster",
    cluster,
    "--metrics-bind-address",
    "127.0.0.1:0",
    ...(opts.workers ? ["--workers", String(opts.workers)] : []),
  ];
  // setsid: its own session, so a terminal's Ctrl-C or hang-up after `npm start` returned does not
  // reach it; the shell prints the pid and exits at once (the operator's output goes to the log).
  const started = await $({
    cwd: ROOT,
  })`setsid ${join(ROOT, "scripts", "operator")} ${args} >>${log} 2>&1 </dev/null & echo $!`;
  const pid = Number(started.stdout.trim());
  if (!Number.isInteger(pid) || pid <= 0) throw new Error(`could not start the operator: ${started.stdout}`);
  // The shim and tsx compile the operator on start; slow on a loaded machine.
  const deadline = Date.now() + (opts.timeoutMs ?? 300_000);
  let address = servingAddress(log);
  let delay = 100;
  while (!address) {
    if (!alive(pid)) throw new Error(`the operator exited on start:\n${tail(log)}`);
    if (Date.now() > deadline) {
      await stopPid(pid);
      throw new Error(
        `the operator did not serve within ${(opts.timeoutMs ?? 300_000) / 1000}s:\n${tail(log)}`,
      );
    }
    await pause(delay);
    delay = Math.min(delay * 2, 1000);
    address = servingAddress(log);
  }
  const operator: BackgroundOperator = {
    cluster,
    pid,
    address,
    server,
    log,
    startedAt: new Date().toISOString(),
  };
  await writeFile(operatorFiles.state(cluster), `${JSON.stringify(operator, null, 2)}\n`);
  return { operator, reused: false };
}

async function stopPid(pid: number, timeoutMs = 30_000): Promise<void> {
  if (!alive(pid)) return;
  // SIGTERM: the operator finishes the reconciles in flight and releases its Lease.
  process.kill(pid, "SIGTERM");
  const deadline = Date.now() + timeoutMs;
  while (alive(pid) && Date.now() < deadline) await pause(100);
  if (alive(pid)) {
    process.kill(pid, "SIGKILL");
    while (alive(pid)) await pause(50);
  }
}

/** Stops the background operator of a cluster; false when none was running. */
export async function stopOperator(cluster: string, say: Say): Promise<boolean> {
  const state = readState(cluster);
  if (!state) return false;
  const wasRunning = isOperatorProcess(state.pid);
  if (wasRunning) {
    await stopPid(state.pid);
    say(`stopped the operator on ${cluster} (pid ${state.pid})`);
  }
  await rm(operatorFiles.state(cluster), { force: true });
  return wasRunning;
}

/** Clusters with a recorded background operator. */
export async function recordedClusters(): Promise<string[]> {
  if (!existsSync(OPERATOR_DIR)) return [];
  return (await readdir(OPERATOR_DIR))
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -".json".length))
    .sort();
}

/** Every background operator, stopped (scripts/twin down, scripts/operator stop). */
export async function stopAllOperators(say: Say): Promise<string[]> {
  const stopped: string[] = [];
  for (const cluster of await recordedClusters()) if (await stopOperator(cluster, say)) stopped.push(cluster);
  return stopped;
}

export interface OperatorStatus {
  cluster: string;
  state: "running" | "not answering" | "exited";
  operator: BackgroundOperator;
}

export async function operatorStatus(): Promise<OperatorStatus[]> {
  const rows: OperatorStatus[] = [];
  for (const cluster of await recordedClusters()) {
    const operator = readState(cluster) as BackgroundOperator;
    const state = !isOperatorProcess(operator.pid)
      ? "exited"
      : (await healthy(operator))
        ? "running"
        : "not answering";
    rows.push({ cluster, state, operator });
  }
  return rows;
}

interface ListedSmartService {
  metadata: { namespace: string; name: string; generation?: number };
  status?: {
    observedGeneration?: number;
    conditions?: { type: string; status: string; reason?: string; message?: string }[];
  };
}

/** Ready at its current generation (the status describes the spec as it is now). */
function ready(ss: ListedSmartService): boolean {
  return (
    ss.status?.observedGeneration === ss.metadata.generation &&
    ss.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True") === true
  );
}

function why(ss: ListedSmartService | undefined): string {
  if (!ss) return "no such SmartService";
  const c = ss.status?.conditions?.find((x) => x.type === "Ready");
  if (!c) return "no status yet";
  if (ss.status?.observedGeneration !== ss.metadata.generation) return "generation not yet observed";
  return `${c.reason ?? c.status}${c.message ? `: ${c.message}` : ""}`;
}

/**
 * Waits until every expected SmartService (namespace/name) on the cluster is Ready at its
 * current generation, polling the API server; on timeout names each that is not, and why.
 */
export async function waitForSmartServicesReady(
  cluster: string,
  expected: readonly string[],
  say: Say,
  timeoutMs = 600_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastReported = -1;
  let delay = 250;
  for (;;) {
    const list = JSON.parse(await kubectl(cluster, ["get", "smartservices", "-A", "-o", "json"])) as {
      items: ListedSmartService[];
    };
    const byKey = new Map(list.items.map((s) => [`${s.metadata.namespace}/${s.metadata.name}`, s]));
    const waiting = expected.filter((k) => {
      const s = byKey.get(k);
      return !s || !ready(s);
    });
    if (waiting.length === 0) return;
    const readyCount = expected.length - waiting.length;
    if (readyCount !== lastReported) {
      say(`${cluster}: ${readyCount}/${expected.length} SmartServices Ready`);
      lastReported = readyCount;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${waiting.length} SmartService(s) on ${cluster} not Ready after ${timeoutMs / 1000}s:\n` +
          waiting.map((k) => `  ${k}: ${why(byKey.get(k))}`).join("\n"),
      );
    }
    await pause(delay);
    delay = Math.min(delay * 2, 2000);
  }
}
