import { KubeConfig, Watch } from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import { Controller, type Result } from "../../../operators/runtime/controller.ts";
import { setWatchQuietTimeout } from "../../../operators/runtime/informer.ts";
import { jsonLogger, silentLogger } from "../../../operators/runtime/log.ts";
import {
  controllerMetrics,
  newRegistry,
  RECONCILE_BUCKETS,
  WORKQUEUE_BUCKETS,
} from "../../../operators/runtime/metrics.ts";
import { ExponentialBackoff } from "../../../operators/runtime/rate-limit.ts";
import { WorkQueue } from "../../../operators/runtime/work-queue.ts";

function setup(reconcile: (key: string) => Promise<Result | undefined>, workers = 4) {
  const registry = newRegistry();
  let queue: WorkQueue | undefined;
  const metrics = controllerMetrics(registry, "smartservice", workers, () => queue?.inFlight.values() ?? []);
  queue = new WorkQueue(new ExponentialBackoff(1, 1000), metrics.queue);
  const controller = new Controller({
    name: "smartservice",
    workers,
    queue,
    reconcile: (key) => reconcile(key),
    metrics,
    log: silentLogger,
  });
  return { registry, queue, controller };
}

async function value(registry: ReturnType<typeof newRegistry>, name: string, labels: Record<string, string>) {
  // Histogram series (_count, _sum, _bucket) are values of the histogram's metric.
  const values = (await registry.getMetricsAsJSON()).flatMap((m) =>
    m.values.map((v) => ({ ...v, metricName: (v as { metricName?: string }).metricName ?? m.name })),
  );
  const v = values.find(
    (x) => x.metricName === name && Object.entries(labels).every(([k, l]) => x.labels[k] === l),
  );
  return v?.value;
}

async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((r) => setTimeout(r, 2));
}

describe("controller", () => {
  it("runs a key on one worker at a time however often it is added, and catches up on adds made meanwhile", async () => {
    let running = 0;
    let overlap = false;
    const runs: string[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const { queue, controller } = setup(async (key) => {
      running++;
      if (running > 1) overlap = true;
      runs.push(key);
      if (runs.length === 1) await gate;
      running--;
      return undefined;
    });
    controller.start();
    queue.add("ns/a");
    await until(() => runs.length === 1);
    queue.add("ns/a");
    queue.add("ns/a");
    release();
    await until(() => runs.length === 2);
    await controller.stop();
    expect(overlap).toBe(false);
    expect(runs).toEqual(["ns/a", "ns/a"]);
  });

  it("counts each result under controller-runtime's labels; an error is retried with backoff until it succeeds", async () => {
    const attempts = new Map<string, number>();
    const { registry, queue, controller } = setup(async (key) => {
      const n = (attempts.get(key) ?? 0) + 1;
      attempts.set(key, n);
      if (key === "ns/flaky" && n < 3) throw new Error("conflict");
      if (key === "ns/later" && n === 1) return { requeueAfterMs: 5 };
      if (key === "ns/again" && n === 1) return { requeue: true };
      return undefined;
    });
    controller.start();
    for (const k of ["ns/ok", "ns/flaky", "ns/later", "ns/again"]) queue.add(k);
    await until(
      async () => (await value(registry, "controller_runtime_reconcile_total", { result: "success" })) === 4,
    );
    await controller.stop();
    const count = (result: string) => value(registry, "controller_runtime_reconcile_total", { result });
    expect(await count("error")).toBe(2);
    expect(await count("requeue_after")).toBe(1);
    expect(await count("requeue")).toBe(1);
    expect(await value(registry, "controller_runtime_reconcile_errors_total", {})).toBe(2);
    expect(await value(registry, "workqueue_retries_total", {})).toBe(3);
    expect(queue.retries("ns/flaky")).toBe(0);
    expect(await value(registry, "controller_runtime_reconcile_time_seconds_count", {})).toBe(8);
    expect(await value(registry, "workqueue_adds_total", { name: "smartservice" })).toBe(8);
  });

  it("stop waits for the reconcile in flight and hands out no more keys", async () => {
    let finished = false;
    const started: string[] = [];
    const { queue, controller } = setup(async (key) => {
      started.push(key);
      await new Promise((r) => setTimeout(r, 20));
      finished = true;
      return undefined;
    }, 1);
    controller.start();
    queue.add("ns/a");
    queue.add("ns/b");
    await until(() => started.length === 1);
    await controller.stop();
    expect(finished).toBe(true);
    expect(started).toEqual(["ns/a"]);
  });
});

describe("metrics", () => {
  it("exposes every controller-runtime series before anything happened, results pre-initialised", async () => {
    const registry = newRegistry();
    controllerMetrics(registry, "smartservice", 8, () => []);
    const text = await registry.metrics();
    for (const result of ["success", "error", "requeue", "requeue_after"]) {
      expect(text).toContain(
        `controller_runtime_reconcile_total{controller="smartservice",result="${result}"} 0`,
      );
    }
    expect(text).toContain('controller_runtime_max_concurrent_reconciles{controller="smartservice"} 8');
    expect(text).toContain('controller_runtime_active_workers{controller="smartservice"} 0');
    expect(text).toContain('controller_runtime_reconcile_errors_total{controller="smartservice"} 0');
    expect(text).toContain('workqueue_depth{name="smartservice",controller="smartservice",priority=""} 0');
    for (const name of [
      "workqueue_adds_total",
      "workqueue_retries_total",
      "workqueue_unfinished_work_seconds",
      "workqueue_longest_running_processor_seconds",
    ]) {
      expect(text).toContain(`${name}{name="smartservice",controller="smartservice"} 0`);
    }
    expect(text).toContain(
      'workqueue_queue_duration_seconds_count{name="smartservice",controller="smartservice"} 0',
    );
    expect(text).toContain("process_cpu_seconds_total");
    expect(text).toContain("process_resident_memory_bytes");
  });

  it("uses controller-runtime's buckets", () => {
    expect(RECONCILE_BUCKETS).toHaveLength(40);
    expect(RECONCILE_BUCKETS[0]).toBe(0.005);
    expect(RECONCILE_BUCKETS.at(-1)).toBe(60);
    expect(WORKQUEUE_BUCKETS).toEqual([1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 0.01, 0.1, 1, 10, 100, 1000]);
  });

  it("reports unfinished work and the longest running processor at scrape time", async () => {
    const registry = newRegistry();
    const start = performance.now() - 3000;
    controllerMetrics(registry, "c", 1, () => [start, start + 1000]);
    const longest = await value(registry, "workqueue_longest_running_processor_seconds", {});
    const unfinished = await value(registry, "workqueue_unfinished_work_seconds", {});
    expect(longest).toBeGreaterThanOrEqual(3);
    expect(unfinished).toBeGreaterThanOrEqual(5);
  });
});

describe("runtime details", () => {
  it("client-node's Watch still has the inactivity timeout the informer tunes", () => {
    const kc = new KubeConfig();
    kc.loadFromClusterAndUser(
      { name: "c", server: "https://127.0.0.1:1", skipTLSVerify: true },
      { name: "u" },
    );
    const w = new Watch(kc);
    setWatchQuietTimeout(w, 1234);
    expect((w as unknown as { requestTimeoutMs: number }).requestTimeoutMs).toBe(1234);
  });

  it("logs one JSON object per line with the fields given, errors as their message", () => {
    const lines: string[] = [];
    const log = jsonLogger({ write: (l) => lines.push(l) }).with({ controller: "smartservice" });
    log.info("reconciled", { key: "ns/a", reconcileID: "r1" });
    log.error("failed", { error: Object.assign(new Error("boom"), { code: 409 }) });
    log.debug("hidden");
    expect(lines).toHaveLength(2);
    const [a, b] = lines.map((l) => JSON.parse(l));
    expect(a).toMatchObject({
      level: "info",
      msg: "reconciled",
      controller: "smartservice",
      key: "ns/a",
      reconcileID: "r1",
    });
    expect(b).toMatchObject({ level: "error", error: "boom (409)" });
    expect(lines.every((l) => l.endsWith("}\n"))).toBe(true);
  });
});
