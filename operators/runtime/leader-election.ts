// Leader election on a coordination.k8s.io/v1 Lease with client-go's semantics
// (tools/leaderelection): a candidate takes the lease when it is free or its holder has not
// renewed it for leaseDuration by the candidate's own clock; the leader renews every retryPeriod
// and gives up leadership when it cannot renew within renewDeadline, so it stops working before
// anyone else may take over; on shutdown the lease is released (holder emptied, duration 1 s).
import { setTimeout as sleep } from "node:timers/promises";
import { type CoordinationV1Api, type V1Lease, type V1LeaseSpec, V1MicroTime } from "@kubernetes/client-node";
import type { Logger } from "./log.ts";

export interface LeaderElectionOptions {
  api: CoordinationV1Api;
  namespace: string;
  name: string;
  identity: string;
  /** @default 15_000 */
  leaseDurationMs?: number;
  /** @default 10_000 */
  renewDeadlineMs?: number;
  /** @default 2_000 */
  retryPeriodMs?: number;
  log: Logger;
  onLeading?: (leading: boolean) => void;
}

/** client-go's JitterFactor for the acquire loop. */
const JITTER = 1.2;

function statusOf(err: unknown): number | undefined {
  const e = err as { code?: unknown; statusCode?: unknown };
  const code = e?.code ?? e?.statusCode;
  return typeof code === "number" ? code : undefined;
}

async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`lease request timed out after ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export class LeaderElector {
  private readonly leaseMs: number;
  private readonly renewMs: number;
  private readonly retryMs: number;
  private observed: string | undefined;
  private observedAt = 0;
  private observedLease: V1Lease | undefined;
  private leading = false;
  private readonly stopping = new AbortController();

  private readonly opts: LeaderElectionOptions;

  constructor(opts: LeaderElectionOptions) {
    this.opts = opts;
    this.leaseMs = opts.leaseDurationMs ?? 15_000;
    this.renewMs = opts.renewDeadlineMs ?? 10_000;
    this.retryMs = opts.retryPeriodMs ?? 2_000;
    if (!(this.leaseMs > this.renewMs && this.renewMs > JITTER * this.retryMs)) {
      throw new Error(
        "leader election needs leaseDuration > renewDeadline > 1.2 × retryPeriod (client-go's rule); " +
          `got ${this.leaseMs} / ${this.renewMs} / ${this.retryMs} ms`,
      );
    }
  }

  get isLeader(): boolean {
    return this.leading;
  }

  /** Waits until this candidate holds the lease. Resolves false if stopped first. */
  async acquire(): Promise<boolean> {
    const { log } = this.opts;
    log.info("attempting to acquire leader lease", { lease: `${this.opts.namespace}/${this.opts.name}` });
    while (!this.stopping.signal.aborted) {
      if (await this.tryAcquireOrRenew()) {
        this.setLeading(true);
        log.info("successfully acquired lease", { lease: `${this.opts.namespace}/${this.opts.name}` });
        return true;
      }
      await this.pause(this.retryMs * (1 + Math.random() * JITTER));
    }
    return false;
  }

  /** Renews until stopped (resolves true) or until a renewal misses its deadline (resolves false:
   * leadership is lost and the caller must stop working at once). */
  async renewUntilLost(): Promise<boolean> {
    while (!this.stopping.signal.aborted) {
      const deadline = performance.now() + this.renewMs;
      let renewed = false;
      while (!renewed && !this.stopping.signal.aborted && performance.now() < deadline) {
        renewed = await this.tryAcquireOrRenew(deadline - performance.now());
        if (!renewed) await this.pause(Math.min(this.retryMs, Math.max(0, deadline - performance.now())));
      }
      if (this.stopping.signal.aborted) return true;
      if (!renewed) {
        this.setLeading(false);
        this.opts.log.error("failed to renew lease within the renew deadline; leadership lost", {
          lease: `${this.opts.namespace}/${this.opts.name}`,
        });
        return false;
      }
      await this.pause(this.retryMs);
    }
    return true;
  }

  /** Stops the loops and, when leading, releases the lease so a follower takes over at once. */
  async release(): Promise<void> {
    this.stopping.abort();
    if (!this.leading || !this.observedLease?.metadata) return;
    const now = new V1MicroTime();
    const spec: V1LeaseSpec = {
      holderIdentity: "",
      leaseDurationSeconds: 1,
      leaseTransitions: this.observedLease.spec?.leaseTransitions ?? 0,
      acquireTime: now,
      renewTime: now,
    };
    try {
      await within(
        this.renewMs,
        this.opts.api.replaceNamespacedLease({
          name: this.opts.name,
          namespace: this.opts.namespace,
          body: { ...this.observedLease, spec },
        }),
      );
      this.opts.log.info("released leader lease", { lease: `${this.opts.namespace}/${this.opts.name}` });
    } catch (err) {
      this.opts.log.error("failed to release lease", { error: err });
    }
    this.setLeading(false);
  }

  private setLeading(leading: boolean): void {
    this.leading = leading;
    this.opts.onLeading?.(leading);
  }

  private async pause(ms: number): Promise<void> {
    try {
      await sleep(ms, undefined, { signal: this.stopping.signal });
    } catch {
      // stopped
    }
  }

  private async tryAcquireOrRenew(budgetMs = this.renewMs): Promise<boolean> {
    const { api, name, namespace, identity } = this.opts;
    const leaseSeconds = Math.ceil(this.leaseMs / 1000);
    const now = new V1MicroTime();
    try {
      let lease: V1Lease;
      try {
        lease = await within(budgetMs, api.readNamespacedLease({ name, namespace }));
      } catch (err) {
        if (statusOf(err) !== 404) throw err;
        const created = await within(
          budgetMs,
          api.createNamespacedLease({
            namespace,
            body: {
              metadata: { name, namespace },
              spec: {
                holderIdentity: identity,
                leaseDurationSeconds: leaseSeconds,
                acquireTime: now,
                renewTime: now,
                leaseTransitions: 0,
              },
            },
          }),
        );
        this.observe(created);
        return true;
      }
      const spec = lease.spec ?? {};
      const record = JSON.stringify(spec);
      if (record !== this.observed) this.observe(lease);
      const holder = spec.holderIdentity ?? "";
      const expiresAt = this.observedAt + (spec.leaseDurationSeconds ?? 0) * 1000;
      if (holder !== "" && holder !== identity && expiresAt > performance.now()) {
        this.opts.log.debug("lease held by another candidate", { holder });
        return false;
      }
      const mine = holder === identity;
      const next: V1LeaseSpec = {
        holderIdentity: identity,
        leaseDurationSeconds: leaseSeconds,
        acquireTime: mine && spec.acquireTime ? spec.acquireTime : now,
        renewTime: now,
        leaseTransitions: mine ? (spec.leaseTransitions ?? 0) : (spec.leaseTransitions ?? 0) + 1,
      };
      // The read's resourceVersion makes this a compare-and-swap: two candidates racing for a
      // free lease cannot both win (the loser gets 409 Conflict).
      const updated = await within(
        budgetMs,
        api.replaceNamespacedLease({ name, namespace, body: { ...lease, spec: next } }),
      );
      this.observe(updated);
      return true;
    } catch (err) {
      if (statusOf(err) !== 409) this.opts.log.error("lease request failed", { error: err });
      return false;
    }
  }

  private observe(lease: V1Lease): void {
    this.observedLease = lease;
    this.observed = JSON.stringify(lease.spec ?? {});
    this.observedAt = performance.now();
  }
}
