// Runs one operator process: the health/metrics server and informers always (a follower's
// cache is warm when it takes over), the controllers only while this process holds the lease.
// Shutdown (SIGTERM): stop taking work, finish what is in flight, release the lease, stop.
import type { Registry } from "prom-client";
import type { Controller } from "./controller.ts";
import { type HealthServer, serveHealth } from "./health-server.ts";
import type { Informer } from "./informer.ts";
import type { LeaderElector } from "./leader-election.ts";
import type { Logger } from "./log.ts";

export interface ManagerOptions {
  log: Logger;
  registry: Registry;
  bind: { host: string; port: number };
  // biome-ignore lint/suspicious/noExplicitAny: informers of any object type
  informers: Informer<any>[];
  controllers: Controller[];
  /** Without one, this process reconciles at once (a single replica, or tests). */
  leaderElection?: LeaderElector;
  /** Runs after the controllers stopped, before the lease is released (e.g. flush Events). */
  beforeStop?: () => Promise<void>;
  /** Runs last (e.g. close connection pools). */
  afterStop?: () => Promise<void>;
}

export type Outcome = "stopped" | "leadership lost";

export class Manager {
  private server: HealthServer | undefined;
  private controllersRunning = false;
  private shuttingDown: Promise<void> | undefined;

  private readonly opts: ManagerOptions;
  constructor(opts: ManagerOptions) {
    this.opts = opts;
  }

  get address(): string | undefined {
    const a = this.server?.address;
    return a ? `${a.address}:${a.port}` : undefined;
  }

  /** Runs until shutdown() (resolves "stopped") or until the lease is lost ("leadership lost":
   * the controllers are already stopped, the caller should exit non-zero and be restarted). */
  async run(): Promise<Outcome> {
    const { log } = this.opts;
    this.server = await serveHealth({
      ...this.opts.bind,
      registry: this.opts.registry,
      readiness: { notReady: () => this.notReady() },
    });
    log.info("serving metrics and health probes", { address: this.address });
    await Promise.all(this.opts.informers.map((i) => i.start()));
    log.info("caches synced", { informers: this.opts.informers.length });
    const elector = this.opts.leaderElection;
    if (elector && !(await elector.acquire())) return "stopped";
    if (this.shuttingDown) return "stopped";
    for (const c of this.opts.controllers) c.start();
    this.controllersRunning = true;
    if (!elector) {
      await new Promise<void>((resolve) => this.onShutdown.push(resolve));
      return "stopped";
    }
    const kept = await elector.renewUntilLost();
    if (kept) return "stopped";
    await this.stopControllers();
    return "leadership lost";
  }

  private readonly onShutdown: (() => void)[] = [];

  shutdown(): Promise<void> {
    this.shuttingDown ??= (async () => {
      const { log } = this.opts;
      log.info("shutting down: finishing reconciles in flight");
      await this.stopControllers();
      await this.opts.beforeStop?.();
      await this.opts.leaderElection?.release();
      await Promise.all(this.opts.informers.map((i) => i.stop()));
      await this.server?.close();
      await this.opts.afterStop?.();
      for (const r of this.onShutdown.splice(0)) r();
      log.info("shut down");
    })();
    return this.shuttingDown;
  }

  private async stopControllers(): Promise<void> {
    if (!this.controllersRunning) return;
    this.controllersRunning = false;
    await Promise.all(this.opts.controllers.map((c) => c.stop()));
  }

  private notReady(): string | undefined {
    if (this.shuttingDown) return "shutting down";
    for (const i of this.opts.informers) {
      if (!i.synced) return "informer cache not synced";
      if (i.stalled) return "informer hears nothing from the API server";
    }
    return undefined;
  }
}
