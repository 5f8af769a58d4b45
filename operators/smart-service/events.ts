// Kubernetes Events on a SmartService's transitions (Ready, Stalled), sent in the background by
// a few senders so a reconcile never waits for them; a failed Event is logged and dropped (Events
// are best-effort, as in client-go's recorder).
import type { CoreV1Api, KubernetesObject } from "@kubernetes/client-node";
import type { Logger } from "../runtime/log.ts";

export interface EventRecord {
  type: "Normal" | "Warning";
  reason: string;
  message: string;
}

export class EventRecorder {
  private readonly pending: { on: KubernetesObject; event: EventRecord }[] = [];
  private sending = 0;
  private idle: (() => void)[] = [];

  private readonly core: CoreV1Api;
  private readonly component: string;
  private readonly instance: string;
  private readonly log: Logger;
  private readonly senders: number;
  private readonly maxPending: number;
  constructor(
    core: CoreV1Api,
    component: string,
    instance: string,
    log: Logger,
    senders = 4,
    maxPending = 1000,
  ) {
    this.core = core;
    this.component = component;
    this.instance = instance;
    this.log = log;
    this.senders = senders;
    this.maxPending = maxPending;
  }

  record(on: KubernetesObject, event: EventRecord): void {
    if (this.pending.length >= this.maxPending) {
      this.log.error("event dropped: too many pending", { reason: event.reason });
      return;
    }
    this.pending.push({ on, event });
    this.pump();
  }

  /** Resolves when every recorded Event has been sent (or failed). */
  flush(): Promise<void> {
    if (this.sending === 0 && this.pending.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private pump(): void {
    while (this.sending < this.senders && this.pending.length > 0) {
      const next = this.pending.shift() as { on: KubernetesObject; event: EventRecord };
      this.sending++;
      this.send(next.on, next.event)
        .catch((err) => this.log.error("event not recorded", { error: err, reason: next.event.reason }))
        .finally(() => {
          this.sending--;
          this.pump();
          if (this.sending === 0 && this.pending.length === 0) for (const r of this.idle.splice(0)) r();
        });
    }
  }

  private async send(on: KubernetesObject, e: EventRecord): Promise<void> {
    const meta = on.metadata ?? {};
    const now = new Date();
    await this.core.createNamespacedEvent({
      namespace: meta.namespace ?? "default",
      body: {
        metadata: { generateName: `${meta.name}.`, namespace: meta.namespace },
        involvedObject: {
          apiVersion: on.apiVersion,
          kind: on.kind,
          name: meta.name,
          namespace: meta.namespace,
          uid: meta.uid,
          resourceVersion: meta.resourceVersion,
        },
        type: e.type,
        reason: e.reason,
        message: e.message,
        source: { component: this.component },
        reportingComponent: this.component,
        reportingInstance: this.instance,
        firstTimestamp: now,
        lastTimestamp: now,
        count: 1,
      },
    });
  }
}
