// Metrics under controller-runtime's names, labels and buckets, so the dashboards and alerts
// written for Go operators work on ours unchanged. One registry per process (or per test).
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { QueueMetrics } from "./work-queue.ts";

/** controller-runtime's reconcile_time_seconds buckets (pkg/internal/controller/metrics). */
export const RECONCILE_BUCKETS = [
  0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.25,
  1.5, 1.75, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5, 6, 7, 8, 9, 10, 15, 20, 25, 30, 40, 50, 60,
];
/** prometheus.ExponentialBuckets(10e-9, 10, 12): 10 ns .. 1000 s, the workqueue histograms'. */
export const WORKQUEUE_BUCKETS = Array.from({ length: 12 }, (_, i) =>
  Number((1e-8 * 10 ** i).toPrecision(1)),
);

export const RESULTS = ["success", "error", "requeue", "requeue_after"] as const;
export type ReconcileResult = (typeof RESULTS)[number];

export function newRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}

export interface ControllerMetrics {
  reconciled(result: ReconcileResult, seconds: number): void;
  activeWorkers(n: number): void;
  queue: QueueMetrics;
}

/** The controller_runtime_* and workqueue_* series of one controller. `inFlight` is read at scrape
 * time for the unfinished-work gauges (start times in performance.now() milliseconds). */
export function controllerMetrics(
  registry: Registry,
  controller: string,
  maxConcurrent: number,
  inFlight: () => Iterable<number>,
): ControllerMetrics {
  // controller-runtime's label sets; every series registers in the one registry.
  const perController = ["controller"];
  const perQueue = ["name", "controller"];
  const registers = [registry];
  const counter = (name: string, help: string, labelNames: string[]) =>
    new Counter({ name, help, labelNames, registers });
  const gauge = (name: string, help: string, labelNames: string[]) =>
    new Gauge({ name, help, labelNames, registers });
  const histogram = (name: string, help: string, labelNames: string[], buckets: number[]) =>
    new Histogram({ name, help, labelNames, buckets, registers });

  const total = counter(
    "controller_runtime_reconcile_total",
    "Total number of reconciliations per controller",
    ["controller", "result"],
  );
  const errors = counter(
    "controller_runtime_reconcile_errors_total",
    "Total number of reconciliation errors per controller",
    perController,
  );
  const time = histogram(
    "controller_runtime_reconcile_time_seconds",
    "Length of time per reconciliation per controller",
    perController,
    RECONCILE_BUCKETS,
  );
  const workers = gauge(
    "controller_runtime_max_concurrent_reconciles",
    "Maximum number of concurrent reconciles per controller",
    perController,
  );
  const active = gauge(
    "controller_runtime_active_workers",
    "Number of currently used workers per controller",
    perController,
  );
  // Every result starts at 0 so rate() and absent() alerts see the series before the first event.
  for (const result of RESULTS) total.inc({ controller, result }, 0);
  errors.inc({ controller }, 0);
  time.zero({ controller });
  workers.set({ controller }, maxConcurrent);
  active.set({ controller }, 0);

  const q = { name: controller, controller };
  const depth = gauge("workqueue_depth", "Current depth of workqueue by workqueue and priority", [
    ...perQueue,
    "priority",
  ]);
  const adds = counter("workqueue_adds_total", "Total number of adds handled by workqueue", perQueue);
  const latency = histogram(
    "workqueue_queue_duration_seconds",
    "How long in seconds an item stays in workqueue before being requested",
    perQueue,
    WORKQUEUE_BUCKETS,
  );
  const work = histogram(
    "workqueue_work_duration_seconds",
    "How long in seconds processing an item from workqueue takes.",
    perQueue,
    WORKQUEUE_BUCKETS,
  );
  const retries = counter(
    "workqueue_retries_total",
    "Total number of retries handled by workqueue",
    perQueue,
  );
  const ages = () => [...inFlight()].map((start) => (performance.now() - start) / 1000);
  new Gauge({
    name: "workqueue_unfinished_work_seconds",
    help:
      "How many seconds of work has been done that is in progress and hasn't been observed by work_duration. " +
      "Large values indicate stuck threads. One can deduce the number of stuck threads by observing the rate at which this increases.",
    labelNames: perQueue,
    registers,
    collect() {
      this.set(
        q,
        ages().reduce((a, b) => a + b, 0),
      );
    },
  });
  new Gauge({
    name: "workqueue_longest_running_processor_seconds",
    help: "How many seconds has the longest running processor for workqueue been running.",
    labelNames: perQueue,
    registers,
    collect() {
      this.set(q, Math.max(0, ...ages()));
    },
  });
  depth.set({ ...q, priority: "" }, 0);
  adds.inc(q, 0);
  retries.inc(q, 0);
  latency.zero(q);
  work.zero(q);

  return {
    reconciled(result, seconds) {
      total.inc({ controller, result });
      if (result === "error") errors.inc({ controller });
      time.observe({ controller }, seconds);
    },
    activeWorkers: (n) => active.set({ controller }, n),
    queue: {
      added: () => adds.inc(q),
      depth: (n) => depth.set({ ...q, priority: "" }, n),
      queued: (s) => latency.observe(q, s),
      worked: (s) => work.observe(q, s),
      retried: () => retries.inc(q),
    },
  };
}

/** leader_election_master_status{name}: 1 while this process holds the lease, else 0. */
export function leaderMetric(registry: Registry, name: string): (leading: boolean) => void {
  const g = new Gauge({
    name: "leader_election_master_status",
    help: "Gauge of if the reporting system is master of the relevant lease, 0 indicates backup, 1 indicates master. 'name' is the string used to identify the lease. Please make sure to group by name.",
    labelNames: ["name"],
    registers: [registry],
  });
  g.set({ name }, 0);
  return (leading) => g.set({ name }, leading ? 1 : 0);
}
