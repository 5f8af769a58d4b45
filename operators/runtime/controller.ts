// The reconcile loop (controller-runtime's shape): N workers take keys from the queue, call the
// reconciler, and then forget the key (success), requeue it after a delay (requeue-after), or put
// it back with per-key backoff (error or requeue). Keys are "namespace/name".
import { randomUUID } from "node:crypto";
import type { Logger } from "./log.ts";
import type { ControllerMetrics, ReconcileResult } from "./metrics.ts";
import type { WorkQueue } from "./work-queue.ts";

export interface Result {
  /** Reconcile again with backoff, although nothing failed. */
  requeue?: boolean;
  /** Reconcile again after this many milliseconds (the backoff is reset). */
  requeueAfterMs?: number;
}

export interface ReconcileContext {
  log: Logger;
  reconcileId: string;
}

export type Reconciler = (key: string, ctx: ReconcileContext) => Promise<Result | undefined>;

export interface ControllerOptions {
  name: string;
  workers: number;
  queue: WorkQueue;
  reconcile: Reconciler;
  metrics: ControllerMetrics;
  log: Logger;
}

export class Controller {
  private running: Promise<void>[] = [];
  private active = 0;
  private readonly opts: ControllerOptions;
  constructor(opts: ControllerOptions) {
    this.opts = opts;
  }

  get name(): string {
    return this.opts.name;
  }

  start(): void {
    this.opts.log.info("starting workers", { controller: this.opts.name, workers: this.opts.workers });
    for (let i = 0; i < this.opts.workers; i++) this.running.push(this.worker());
  }

  /** Stops taking keys and resolves once every reconcile in flight has finished. */
  async stop(): Promise<void> {
    this.opts.queue.shutDown();
    await Promise.all(this.running);
    this.running = [];
  }

  private async worker(): Promise<void> {
    const { queue } = this.opts;
    for (;;) {
      const key = await queue.get();
      if (key === undefined) return;
      this.opts.metrics.activeWorkers(++this.active);
      try {
        await this.handle(key);
      } finally {
        this.opts.metrics.activeWorkers(--this.active);
        queue.done(key);
      }
    }
  }

  private async handle(key: string): Promise<void> {
    const { queue, metrics } = this.opts;
    const reconcileId = randomUUID();
    const log = this.opts.log.with({ controller: this.opts.name, key, reconcileID: reconcileId });
    const started = performance.now();
    let outcome: ReconcileResult;
    try {
      const result = await this.opts.reconcile(key, { log, reconcileId });
      if (result?.requeueAfterMs && result.requeueAfterMs > 0) {
        queue.forget(key);
        queue.addAfter(key, result.requeueAfterMs);
        outcome = "requeue_after";
      } else if (result?.requeue) {
        queue.addRateLimited(key);
        outcome = "requeue";
      } else {
        queue.forget(key);
        outcome = "success";
      }
    } catch (err) {
      queue.addRateLimited(key);
      outcome = "error";
      log.error("reconciler error", { error: err, retries: queue.retries(key) });
    }
    metrics.reconciled(outcome, (performance.now() - started) / 1000);
  }
}
