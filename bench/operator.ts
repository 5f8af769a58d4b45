// Operator benchmark, one run, one twin: N SmartServices created at once until all are Ready,
// against a floor measured side by side — a tight loop that server-side-applies the same rendered
// children directly, at the same concurrency, until their Deployments are Available. Then the
// operator's CPU over 60 idle seconds with the N objects, and its resident memory.
// Writes bench/results/operator.json.
//
//   scripts/bench-operator [--count 1000] [--workers 8] [--idle 60] [--out FILE]
//
// It runs its own twin (BAUBAU_TWIN_DIR, default .twin-bench; set by the shim) with dc-prod only and
// each node's pod capacity raised so 2 × N one-replica workloads fit (the inventory's 110 pods per
// server would cap the run at a few hundred; kwok's nodes are fake, so capacity is only a number).
import { readFileSync, writeFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import type { KubernetesObject } from "@kubernetes/client-node";
import { smartServiceResource } from "../charts/crds/smart-service.ts";
import { loadInventory } from "../model/load/index.ts";
import type { Service } from "../model/types.ts";
import { Informer } from "../operators/runtime/informer.ts";
import { silentLogger } from "../operators/runtime/log.ts";
import type { SmartService } from "../operators/smart-service/api.ts";
import { OWNER_LABEL } from "../operators/smart-service/api.ts";
import { renderChildren, type SmartServiceSpec } from "../operators/smart-service/render.ts";
import { parseOptions } from "../scripts/lib/options.ts";
import { createNamespace, installPlatform, kube, waitFor } from "../tests/integration/helpers/kube.ts";
import { startOperator } from "../tests/integration/helpers/operator-process.ts";
import { ROOT, TWIN_DIR } from "../toolchain/paths.ts";
import { down, up } from "../twin/kwok.ts";
import { planTwin } from "../twin/plan.ts";
import { machine } from "./machine.ts";

const values = parseOptions(process.argv.slice(2), {
  count: "string",
  workers: "string",
  idle: "string",
  out: "string",
  keep: "boolean",
});
if (values.help) {
  process.stdout.write(
    "usage: scripts/bench-operator [--count 1000] [--workers 8] [--idle 60] [--out FILE] [--keep]\n",
  );
  process.exit(0);
}
const N = Number(values.count ?? 1000);
const W = Number(values.workers ?? 8);
const IDLE_S = Number(values.idle ?? 60);
const out = resolve(values.out ?? join(ROOT, "bench", "results", "operator.json"));
const say = (m: string) => process.stderr.write(`[bench-operator] ${m}\n`);
const seconds = (ms: number) => Math.round(ms) / 1000;

async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
}

/** Resolves when `count` objects of the informer satisfy `done` (watched, not polled). */
function whenAll<T extends KubernetesObject>(informer: Informer<T>, count: number, done: (o: T) => boolean) {
  return new Promise<void>((resolve) => {
    const check = () => {
      if (informer.list().filter(done).length >= count) resolve();
    };
    for (const e of ["add", "update"] as const) informer.on(e, check);
    check();
  });
}

const loaded = await loadInventory(join(ROOT, "inventory"));
if (!loaded.ok) throw new Error("the inventory does not load; run scripts/validate");
const dc = loaded.inventory.datacenter;
const perNode =
  Math.ceil(
    (2 * N) / dc.servers.filter((s) => s.cluster === "dc-prod" && s.role !== "control-plane").length,
  ) + 50;
// CPU and memory too: the template's requests × 2N must fit (kwok's nodes are only numbers).
const benchDc = {
  ...dc,
  servers: dc.servers.map((s) => ({
    ...s,
    pods: Math.max(s.pods, perNode),
    cpu: Math.max(s.cpu, perNode),
    memoryGi: Math.max(s.memoryGi, 2 * perNode),
  })),
};
const plan = planTwin(benchDc).filter((c) => c.name === "dc-prod");
say(`twin in ${relative(ROOT, TWIN_DIR)}: dc-prod with ${perNode} pods per node`);
await up(plan, say);
const k = kube();
await installPlatform(k);
// kube-apiserver's default Service range (10.0.0.0/24) holds ~250 ClusterIPs; 2 × N Services need
// more. A ServiceCIDR (networking.k8s.io/v1) extends the range through the API.
await k.apply({
  apiVersion: "networking.k8s.io/v1",
  kind: "ServiceCIDR",
  metadata: { name: "bench" },
  spec: { cidrs: ["10.128.0.0/16"] },
} as KubernetesObject);
await waitFor("the bench ServiceCIDR to be Ready", async () => {
  const cidr = await k.read<
    KubernetesObject & { status?: { conditions?: { type: string; status: string }[] } }
  >("networking.k8s.io/v1", "ServiceCIDR", "", "bench");
  return cidr?.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True");
});
const template = loaded.inventory.services.find((s) => s.workload && !s.essential) as Service;
const services: Service[] = Array.from({ length: N }, (_, i) => ({
  ...template,
  id: `svc-${String(i).padStart(4, "0")}`,
  workload: {
    ...(template.workload as NonNullable<Service["workload"]>),
    replicas: 1,
    maxReplicas: undefined,
    host: undefined,
  },
}));

// Floor: the same children, applied directly.
const FLOOR_NS = "bench-floor";
await createNamespace(k, FLOOR_NS);
const floorChildren = services.map((s) =>
  renderChildren({
    ...(smartServiceResource(s, FLOOR_NS) as unknown as SmartService<SmartServiceSpec>),
    metadata: { name: s.id, namespace: FLOOR_NS, uid: "floor" },
  }).map((m) => {
    // Not the operator's: without the owner label its child informers do not cache them.
    const { [OWNER_LABEL]: _, ...labels } = m.metadata.labels ?? {};
    return { ...m, metadata: { ...m.metadata, labels, ownerReferences: undefined } } as KubernetesObject;
  }),
);
const deployments = new Informer<KubernetesObject & { status?: { availableReplicas?: number } }>({
  kubeConfig: k.kc,
  path: `/apis/apps/v1/namespaces/${FLOOR_NS}/deployments`,
  list: () => k.objects.list("apps/v1", "Deployment", FLOOR_NS),
  log: silentLogger,
});
await deployments.start();
say(`floor: applying ${N} × ${floorChildren[0]?.length} children with ${W} workers`);
const floorStart = performance.now();
const floorReady = whenAll(deployments, N, (d) => (d.status?.availableReplicas ?? 0) >= 1);
await pool(floorChildren, W, (children) => Promise.all(children.map((m) => k.apply(m, "bench-floor"))));
const floorAppliedMs = performance.now() - floorStart;
await floorReady;
const floorReadyMs = performance.now() - floorStart;
await deployments.stop();
say(`floor: applied in ${seconds(floorAppliedMs)} s, all Available in ${seconds(floorReadyMs)} s`);

// The operator.
const OP_NS = "bench-operator";
await createNamespace(k, OP_NS);
const op = await startOperator(["--workers", String(W), "--no-leader-elect"]);
await op.waitForLog("caches synced", (l) => l.msg === "caches synced", 300_000);
const status = () => readFileSync(`/proc/${op.pid}/status`, "utf8");
const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status())?.[1] ?? 0);
const mb = (field: string) => Math.round(kb(field) / 1024);
const rssEmptyMb = mb("VmRSS");
const smartServices = new Informer<SmartService & KubernetesObject>({
  kubeConfig: k.kc,
  path: `/apis/smartcity.baubaukota.go.id/v1alpha1/namespaces/${OP_NS}/smartservices`,
  list: () => k.objects.list("smartcity.baubaukota.go.id/v1alpha1", "SmartService", OP_NS),
  log: silentLogger,
});
await smartServices.start();
const isReady = (s: SmartService & KubernetesObject) =>
  s.status?.observedGeneration === s.metadata?.generation &&
  s.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True") === true;
say(`operator: creating ${N} SmartServices with ${W} workers`);
const opStart = performance.now();
const opReady = whenAll(smartServices, N, isReady);
await pool(services, W, (s) =>
  k.apply(smartServiceResource(s, OP_NS) as unknown as KubernetesObject, "bench"),
);
const createdMs = performance.now() - opStart;
await opReady;
const opReadyMs = performance.now() - opStart;
const rssReadyMb = mb("VmRSS");
say(`operator: created in ${seconds(createdMs)} s, all Ready in ${seconds(opReadyMs)} s`);
const metrics = (await op.get("/metrics")).body;
/** Every reconcile, whatever its result, from the operator's /metrics text. */
const reconcilesIn = (text: string) =>
  [...text.matchAll(/^controller_runtime_reconcile_total\{[^}]*\} (\d+)/gm)].reduce(
    (a, m) => a + Number(m[1]),
    0,
  );
const reconciles = reconcilesIn(metrics);
const errors = Number(/^controller_runtime_reconcile_errors_total\{[^}]*\} (\d+)/m.exec(metrics)?.[1] ?? 0);

// Idle means nothing left to do: the queue empty, no reconcile running, and the Events of the
// rollout (one "Available" per SmartService, sent in the background) delivered.
await waitFor(
  "the operator to be idle",
  async () => {
    const m = (await op.get("/metrics")).body;
    const value = (name: string) =>
      Number(new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+]+)`, "m").exec(m)?.[1]);
    if (value("workqueue_depth") !== 0 || value("controller_runtime_active_workers") !== 0) return false;
    const events = await k.core.listNamespacedEvent({ namespace: OP_NS, fieldSelector: "reason=Available" });
    return events.items.length >= N;
  },
  600_000,
);
// Idle: CPU time of the operator process over IDLE_S seconds with N objects in its caches.
const ticks = () => {
  const f = readFileSync(`/proc/${op.pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return Number(f[11]) + Number(f[12]); // utime + stime, in clock ticks (USER_HZ = 100)
};
say(`idle: measuring the operator's CPU for ${IDLE_S} s`);
const reconcilesSoFar = async () => reconcilesIn((await op.get("/metrics")).body);
const idleReconciles0 = await reconcilesSoFar();
const t0 = ticks();
const w0 = performance.now();
await new Promise((r) => setTimeout(r, IDLE_S * 1000)); // the measurement window itself, not a wait for readiness
const idleCpuCores = (ticks() - t0) / 100 / ((performance.now() - w0) / 1000);
// Work in the idle window (the 10-minute resync hands every SmartService out again, if it falls in it).
const reconcilesWhileIdle = (await reconcilesSoFar()) - idleReconciles0;
const rssMb = kb("VmRSS") / 1024;
const peakRssMb = kb("VmHWM") / 1024;
// Where the memory is, as the operator's own prom-client default metrics say (after the idle minute).
const idleMetrics = (await op.get("/metrics")).body;
const gauge = (name: string) =>
  Math.round(
    Number(new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+]+)`, "m").exec(idleMetrics)?.[1] ?? 0) / 2 ** 20,
  );
await smartServices.stop();
await op.stop();

const ratio = opReadyMs / floorReadyMs;
const result = {
  benchmark: "operator",
  command: "scripts/bench-operator",
  measuredAt: new Date().toISOString(),
  machine: machine(),
  parameters: {
    smartServices: N,
    workers: W,
    idleSeconds: IDLE_S,
    childrenPerService: floorChildren[0]?.length,
  },
  floor: { appliedSeconds: seconds(floorAppliedMs), allAvailableSeconds: seconds(floorReadyMs) },
  operator: {
    createdSeconds: seconds(createdMs),
    allReadySeconds: seconds(opReadyMs),
    reconciles,
    reconcileErrors: errors,
    reconcilesPerSecond: Math.round((reconciles / (opReadyMs / 1000)) * 10) / 10,
    idleCpuPercentOfCore: Math.round(idleCpuCores * 1000) / 10,
    reconcilesWhileIdle,
    rssMb: Math.round(rssMb),
    peakRssMb: Math.round(peakRssMb),
    memoryMb: {
      rssCachesSyncedEmpty: rssEmptyMb,
      rssAllReady: rssReadyMb,
      rssAfterIdle: Math.round(rssMb),
      heapUsedAfterIdle: gauge("nodejs_heap_size_used_bytes"),
      heapTotalAfterIdle: gauge("nodejs_heap_size_total_bytes"),
      externalAfterIdle: gauge("nodejs_external_memory_bytes"),
    },
  },
  ratioToFloor: Math.round(ratio * 100) / 100,
  goals: {
    ratioWithin1_5: ratio <= 1.5,
    idleCpuUnder2Percent: idleCpuCores < 0.02,
    rssUnder200Mb: peakRssMb < 200,
  },
};
await mkdir(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
await k.close();
if (!values.keep) await down(say);
