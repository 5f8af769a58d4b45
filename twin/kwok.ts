// Runs the twin: local Kubernetes control planes from `kwokctl --runtime binary` with the
// engines from the cache, bound to 127.0.0.1, all files inside the project's .twin/ folder.
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { stringify } from "yaml";
import { bin, engineEnv, TWIN_DIR, versions } from "../toolchain/paths.ts";
import { $, failureText } from "../toolchain/process.ts";
import { isReady, listNodes, serverOf } from "./api.ts";
import { MANAGED_BY, type TwinCluster } from "./plan.ts";
import { apiserverPort, componentPortFlags } from "./ports.ts";

export const paths = {
  workdir: join(TWIN_DIR, "kwok"),
  config: join(TWIN_DIR, "kwokctl.yaml"),
  kubeconfig: (cluster: string) => join(TWIN_DIR, "kubeconfigs", `${cluster}.yaml`),
  nodes: (cluster: string) => join(TWIN_DIR, "nodes", `${cluster}.yaml`),
  pids: (cluster: string) => join(TWIN_DIR, "kwok", "clusters", cluster, "pids"),
};

type Log = (message: string) => void;

async function sh(cmd: string, args: string[], timeoutMs = 180_000): Promise<string> {
  try {
    return (await $({ env: engineEnv(), timeout: timeoutMs })`${cmd} ${args}`).stdout;
  } catch (err) {
    throw new Error(`${cmd.split("/").pop()} ${args.join(" ")} failed: ${failureText(err)}`);
  }
}

const kwokctl = (args: string[], timeoutMs?: number) =>
  sh(bin.kwokctl, ["--config", paths.config, ...args], timeoutMs);
export const kubectl = (cluster: string, args: string[], timeoutMs?: number) =>
  sh(bin.kubectl, ["--kubeconfig", paths.kubeconfig(cluster), ...args], timeoutMs);

async function writeKwokctlConfig(): Promise<void> {
  await mkdir(TWIN_DIR, { recursive: true });
  const config = {
    apiVersion: "config.kwok.x-k8s.io/v1alpha1",
    kind: "KwokctlConfiguration",
    options: {
      runtime: "binary",
      bindAddress: "127.0.0.1",
      kubeVersion: `v${versions.kubernetes}`,
      etcdVersion: versions.etcd,
      kwokVersion: `v${versions.kwok}`,
      kubeApiserverBinary: bin.kubeApiserver,
      kubeControllerManagerBinary: bin.kubeControllerManager,
      kubeSchedulerBinary: bin.kubeScheduler,
      kubectlBinary: bin.kubectl,
      kwokControllerBinary: bin.kwok,
      etcdBinary: bin.etcd,
    },
  };
  await writeFile(paths.config, stringify(config));
}

/** Clusters kwokctl knows in the twin's workdir. */
export async function listClusters(): Promise<string[]> {
  if (!existsSync(join(paths.workdir, "clusters"))) return [];
  const out = await kwokctl(["get", "clusters"]);
  return out
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .sort();
}

export const isHealthy = (cluster: string): Promise<boolean> => isReady(paths.kubeconfig(cluster));

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let delay = 100;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 2000);
  }
}

export interface UpResult {
  cluster: string;
  action: "created" | "started" | "already running";
  nodes: number;
  server: string;
}

export async function up(clusters: TwinCluster[], log: Log): Promise<UpResult[]> {
  await writeKwokctlConfig();
  const known = new Set(await listClusters());
  // Ports for every cluster to create are settled before anything starts: a taken port stops
  // the whole `up` with nothing half-started.
  const ports = new Map<string, number>();
  for (const cluster of clusters) {
    if (!known.has(cluster.name)) ports.set(cluster.name, await apiserverPort(cluster.name));
  }
  const results: UpResult[] = [];
  for (const cluster of clusters) {
    let action: UpResult["action"];
    const port = ports.get(cluster.name);
    if (port === undefined && (await isHealthy(cluster.name))) {
      action = "already running";
    } else if (port === undefined) {
      log(`${cluster.name}: starting the stopped cluster`);
      await kwokctl(["start", "cluster", "--name", cluster.name, "--wait", "2m"], 5 * 60_000);
      action = "started";
    } else {
      log(`${cluster.name}: creating (kube-apiserver on 127.0.0.1:${port})`);
      await mkdir(join(TWIN_DIR, "kubeconfigs"), { recursive: true });
      await kwokctl(
        [
          "create",
          "cluster",
          "--name",
          cluster.name,
          "--runtime",
          "binary",
          "--kube-apiserver-port",
          String(port),
          ...(await componentPortFlags()),
          "--kubeconfig",
          paths.kubeconfig(cluster.name),
          "--wait",
          "2m",
        ],
        5 * 60_000,
      );
      action = "created";
    }
    await waitFor(`${cluster.name} API server /readyz`, () => isHealthy(cluster.name), 120_000);
    await applyNodes(cluster, log);
    const server = serverOf(paths.kubeconfig(cluster.name));
    results.push({ cluster: cluster.name, action, nodes: cluster.nodes.length, server });
  }
  return results;
}

/** Makes the cluster's nodes exactly the inventory's servers (create, update capacity, prune). */
async function applyNodes(cluster: TwinCluster, log: Log): Promise<void> {
  await mkdir(join(TWIN_DIR, "nodes"), { recursive: true });
  const file = paths.nodes(cluster.name);
  await writeFile(file, cluster.nodes.map((n) => stringify(n)).join("---\n"));
  await kubectl(cluster.name, ["apply", "--server-side", "--field-manager", MANAGED_BY, "-f", file]);
  // Node status is its own subresource after creation: capacity changes go there, and only
  // for nodes whose capacity differs from the inventory's.
  const current = await listNodes(
    paths.kubeconfig(cluster.name),
    `app.kubernetes.io/managed-by=${MANAGED_BY}`,
  );
  const capacityOf = new Map(current.map((n) => [n.metadata?.name ?? "", n.status?.capacity ?? {}]));
  for (const node of cluster.nodes) {
    const have = capacityOf.get(node.metadata.name) ?? {};
    const same = Object.entries(node.status.capacity).every(([k, v]) => have[k] === v);
    if (same) continue;
    const patch = JSON.stringify({
      status: { capacity: node.status.capacity, allocatable: node.status.allocatable },
    });
    await kubectl(cluster.name, [
      "patch",
      "node",
      node.metadata.name,
      "--subresource=status",
      "--type=merge",
      "-p",
      patch,
    ]);
  }
  const existing = [...capacityOf.keys()];
  const wanted = new Set(cluster.nodes.map((n) => n.metadata.name));
  const stale = existing.filter((n) => !wanted.has(n));
  if (stale.length) {
    log(`${cluster.name}: removing nodes no longer in the inventory: ${stale.join(", ")}`);
    await kubectl(cluster.name, ["delete", "node", ...stale]);
  }
  await kubectl(
    cluster.name,
    [
      "wait",
      "--for=condition=Ready",
      "node",
      "-l",
      `app.kubernetes.io/managed-by=${MANAGED_BY}`,
      "--timeout=120s",
    ],
    150_000,
  );
}

async function clusterPids(cluster: string): Promise<number[]> {
  const dir = paths.pids(cluster);
  if (!existsSync(dir)) return [];
  const files = await readdir(dir);
  const pids = await Promise.all(
    files.map(async (f) => Number((await readFile(join(dir, f), "utf8")).trim())),
  );
  return pids.filter((p) => Number.isInteger(p) && p > 0);
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export interface DownResult {
  stopped: string[];
  processes: number;
}

/** Deletes every twin cluster, checks each process it started is gone, removes the files. */
export async function down(log: Log): Promise<DownResult> {
  const clusters = existsSync(paths.config) ? await listClusters() : [];
  let processes = 0;
  for (const cluster of clusters) {
    const pids = await clusterPids(cluster);
    processes += pids.length;
    log(`${cluster}: deleting (${pids.length} processes)`);
    await kwokctl(["delete", "cluster", "--name", cluster]);
    for (const pid of pids.filter(alive)) process.kill(pid, "SIGTERM");
    await waitFor(`${cluster} processes to exit`, async () => pids.every((p) => !alive(p)), 30_000);
  }
  await rm(TWIN_DIR, { recursive: true, force: true });
  return { stopped: clusters, processes };
}

export interface ClusterStatus {
  cluster: string;
  state: "running" | "stopped" | "absent";
  server?: string;
  nodesReady?: number;
  nodesTotal?: number;
  processes?: number;
}

export async function status(planned: string[]): Promise<ClusterStatus[]> {
  const known = existsSync(paths.config) ? await listClusters() : [];
  const names = [...new Set([...planned, ...known])].sort();
  const out: ClusterStatus[] = [];
  for (const cluster of names) {
    if (!known.includes(cluster)) {
      out.push({ cluster, state: "absent" });
      continue;
    }
    const processes = (await clusterPids(cluster)).filter(alive).length;
    if (!(await isHealthy(cluster))) {
      out.push({ cluster, state: "stopped", processes });
      continue;
    }
    const server = serverOf(paths.kubeconfig(cluster));
    const nodes = await listNodes(paths.kubeconfig(cluster));
    const ready = nodes.filter((n) =>
      n.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True"),
    );
    out.push({
      cluster,
      state: "running",
      server,
      nodesReady: ready.length,
      nodesTotal: nodes.length,
      processes,
    });
  }
  return out;
}
