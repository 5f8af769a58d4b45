// An informer that never dies silently, on client-node's ListWatch. ListWatch re-lists on 410 Gone
// and reconnects on a clean close, but stops for good on any other error, never asks for
// bookmarks and has no resync. Here: bookmarks are requested (a healthy quiet watch hears one
// about every minute), a watch silent for `quietMs` is reconnected, an error restarts the
// ListWatch after a jittered backoff, a watchdog restarts it when nothing at all was heard for
// `stallMs`, a list that hangs times out, and every cached object is handed out again each
// `resyncMs`. Readers query the cache with get/list. Every object passes `transform` before it is
// cached or handed out (controller-runtime's cache transform): by default its managedFields go,
// which no reader needs and which are often the larger part of an object.
import {
  type KubeConfig,
  type KubernetesListObject,
  type KubernetesObject,
  ListWatch,
  Watch,
} from "@kubernetes/client-node";
import type { Logger } from "./log.ts";

export type InformerEvent = "add" | "update" | "delete" | "resync";
type Handler<T> = (obj: T) => void;

export interface InformerOptions<T extends KubernetesObject> {
  kubeConfig: KubeConfig;
  /** Collection path, e.g. /apis/apps/v1/deployments. */
  path: string;
  list: () => Promise<KubernetesListObject<T>>;
  log: Logger;
  labelSelector?: string;
  /** @default 600_000 (10 min) */
  resyncMs?: number;
  /** A watch silent this long is reconnected. @default 90_000 (bookmarks arrive about every 60 s) */
  quietMs?: number;
  /** Nothing heard this long (no list, event, bookmark or new watch): restart. @default 3 × quietMs */
  stallMs?: number;
  /** @default 60_000 */
  listTimeoutMs?: number;
  /** Applied to every listed and watched object before it is cached. @default stripManagedFields */
  transform?: (obj: T) => T;
  /** Restart backoff, doubled per failure, jittered up to 2× (client-go's reflector: 800 ms .. 30 s). */
  backoff?: { minMs: number; maxMs: number };
}

/** Sets client-node Watch's inactivity timeout (private field `requestTimeoutMs`). */
export function setWatchQuietTimeout(watch: Watch, ms: number): void {
  const w = watch as unknown as { requestTimeoutMs?: number };
  if (typeof w.requestTimeoutMs !== "number")
    throw new Error("client-node Watch has no requestTimeoutMs any more");
  w.requestTimeoutMs = ms;
}

/** The default cache transform: the object without metadata.managedFields (changed in place). */
export function stripManagedFields<T extends KubernetesObject>(obj: T): T {
  if (obj.metadata?.managedFields) delete obj.metadata.managedFields;
  return obj;
}

interface WatchTicket {
  superseded: boolean;
  request?: AbortController;
}

/** A list or watch replaced by a newer one; not a failure. */
class Superseded extends Error {
  constructor() {
    super("superseded by a newer request");
  }
}

export interface InformerStats {
  restarts: number;
  lists: number;
  watchdogRestarts: number;
}

export class Informer<T extends KubernetesObject> {
  private readonly lw: ListWatch<T>;
  private readonly handlers: Record<InformerEvent, Handler<T>[]> = {
    add: [],
    update: [],
    delete: [],
    resync: [],
  };
  private readonly log: Logger;
  private lastProgress = performance.now();
  private failures = 0;
  private restartTimer: NodeJS.Timeout | undefined;
  private timers: NodeJS.Timeout[] = [];
  private stopped = true;
  private hasSynced = false;
  private syncWaiters: (() => void)[] = [];
  readonly stats: InformerStats = { restarts: 0, lists: 0, watchdogRestarts: 0 };
  private readonly quietMs: number;
  private currentWatch: WatchTicket | undefined;
  private cancelList: ((err: Error) => void) | undefined;
  private readonly stallMs: number;

  private readonly opts: InformerOptions<T>;
  private readonly transform: (obj: T) => T;

  constructor(opts: InformerOptions<T>) {
    this.opts = opts;
    this.transform = opts.transform ?? stripManagedFields;
    this.log = opts.log.with({ informer: opts.path });
    this.quietMs = opts.quietMs ?? 90_000;
    this.stallMs = opts.stallMs ?? 3 * this.quietMs;
    const watch = new Watch(opts.kubeConfig);
    // Watch's own timer aborts a request that hears nothing for this long (TimeoutError), after
    // which ListWatch reconnects from the last resourceVersion. The field is private in 2.0.1's
    // types (fixed 30 s); a unit test pins that it still exists.
    setWatchQuietTimeout(watch, this.quietMs);
    // ListWatch may start a second list/watch chain while an older one still hangs (a restart
    // during a hung request): only the newest request is live, older ones end silently.
    const watcher = {
      watch: async (
        path: string,
        query: Record<string, unknown>,
        callback: (phase: string, obj: unknown, raw: unknown) => void,
        done: (err: unknown) => void,
      ) => {
        this.supersedeWatch();
        const ticket: WatchTicket = { superseded: false };
        this.currentWatch = ticket;
        let ended = false;
        const onEvent = (phase: string, obj: unknown, raw: unknown) => {
          if (ticket.superseded) return;
          this.progress();
          if (phase === "ERROR")
            this.log.info("watch error event", { status: (obj as { code?: number }).code });
          // ERROR and BOOKMARK events carry no object to cache.
          callback(phase, phase === "ERROR" || phase === "BOOKMARK" ? obj : this.transform(obj as T), raw);
        };
        const onDone = (err: unknown) => {
          ended = true;
          if (ticket.superseded) return;
          const status = (err as { statusCode?: number } | null)?.statusCode;
          if (status) this.log.info("watch ended", { status });
          done(err);
        };
        try {
          ticket.request = await watch.watch(path, { ...query, allowWatchBookmarks: true }, onEvent, onDone);
        } catch (err) {
          // Thrown before the request was made (e.g. credentials): report it like a failed watch
          // instead of letting it escape ListWatch's un-awaited reconnect as an unhandled rejection.
          ticket.request = new AbortController();
          onDone(err);
        }
        if (ticket.superseded) ticket.request.abort();
        else if (!ended) this.progress();
        return ticket.request;
      },
    } as unknown as Watch;
    this.lw = new ListWatch<T>(opts.path, watcher, () => this.timedList(), false, opts.labelSelector);
    this.lw.on("add", (o) => this.emit("add", o));
    this.lw.on("update", (o) => this.emit("update", o));
    this.lw.on("delete", (o) => this.emit("delete", o));
    this.lw.on("error", (err) => this.failed(err));
  }

  on(event: InformerEvent, handler: Handler<T>): void {
    this.handlers[event].push(handler);
  }

  /** Starts listing and watching; resolves once the cache holds a first full list. */
  async start(): Promise<void> {
    if (!this.stopped) return this.waitForSync();
    this.stopped = false;
    this.lastProgress = performance.now();
    this.launch();
    const tick = Math.max(50, Math.min(this.stallMs / 4, 5_000));
    this.timers.push(setInterval(() => this.watchdog(), tick));
    const resyncMs = this.opts.resyncMs ?? 600_000;
    if (resyncMs > 0) this.timers.push(setInterval(() => this.resync(), resyncMs));
    return this.waitForSync();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    clearTimeout(this.restartTimer);
    this.supersedeWatch();
    this.cancelList?.(new Superseded());
    await this.lw.stop();
  }

  get(name: string, namespace?: string): T | undefined {
    return this.lw.get(name, namespace);
  }

  list(namespace?: string): readonly T[] {
    return this.lw.list(namespace);
  }

  get synced(): boolean {
    return this.hasSynced;
  }

  /** True while nothing has been heard from the API server for longer than `stallMs`. */
  get stalled(): boolean {
    return !this.stopped && performance.now() - this.lastProgress > this.stallMs;
  }

  private waitForSync(): Promise<void> {
    if (this.hasSynced) return Promise.resolve();
    return new Promise((resolve) => this.syncWaiters.push(resolve));
  }

  private emit(event: InformerEvent, obj: T): void {
    for (const h of this.handlers[event]) h(obj);
  }

  private progress(): void {
    this.lastProgress = performance.now();
    this.failures = 0;
  }

  private supersedeWatch(): void {
    const old = this.currentWatch;
    if (!old) return;
    old.superseded = true;
    old.request?.abort();
    this.currentWatch = undefined;
  }

  private async timedList(): Promise<KubernetesListObject<T>> {
    let timer: NodeJS.Timeout | undefined;
    const timeoutMs = this.opts.listTimeoutMs ?? 60_000;
    this.cancelList?.(new Superseded());
    try {
      const list = await Promise.race([
        this.opts.list(),
        new Promise<never>((_, reject) => {
          this.cancelList = reject;
          timer = setTimeout(() => reject(new Error(`list timed out after ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
      this.stats.lists++;
      this.progress();
      list.items = list.items.map((o) => this.transform(o));
      if (!this.hasSynced) {
        // Marked synced once ListWatch has filled its cache from this list: it does so
        // synchronously when its await of this promise resumes, a microtask after we return, so
        // the next macrotask sees the cache full.
        setImmediate(() => {
          this.hasSynced = true;
          for (const w of this.syncWaiters.splice(0)) w();
        });
      }
      return list;
    } finally {
      clearTimeout(timer);
      this.cancelList = undefined;
    }
  }

  private launch(): void {
    this.supersedeWatch();
    this.lw.start().catch((err) => this.failed(err));
  }

  private failed(err: unknown): void {
    if (this.stopped || this.restartTimer || err instanceof Superseded) return;
    const { minMs, maxMs } = this.opts.backoff ?? { minMs: 800, maxMs: 30_000 };
    const base = Math.min(maxMs, minMs * 2 ** this.failures);
    const delay = base * (1 + Math.random());
    this.failures++;
    this.log.error("list/watch failed; restarting", { error: err, retryInMs: Math.round(delay) });
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      if (this.stopped) return;
      this.stats.restarts++;
      this.launch();
    }, delay);
  }

  private watchdog(): void {
    if (!this.stalled || this.restartTimer) return;
    this.stats.watchdogRestarts++;
    this.log.error("watch stalled: nothing heard; restarting", {
      silentMs: Math.round(performance.now() - this.lastProgress),
    });
    // The restart supersedes the hung request; restarts are spaced by the backoff, which keeps
    // growing while nothing is heard.
    this.failed(new Error("watch stalled"));
  }

  private resync(): void {
    for (const obj of this.lw.list()) this.emit("resync", obj);
  }
}
