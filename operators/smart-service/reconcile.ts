// Reconciles one SmartService (level-triggered, idempotent): render the workload chart, apply
// each child with server-side apply under the operator's field manager (skipped where the live
// child already has every rendered field), delete owned children no longer rendered, and write
// the status through the status subresource under a separate field manager. Children go away
// with their SmartService by garbage collection (owner references); no finalizer is needed.
import {
  ApiException,
  type CustomObjectsApi,
  type KubernetesObject,
  type KubernetesObjectApi,
  PatchStrategy,
  setHeaderOptions,
} from "@kubernetes/client-node";
import type { Manifest } from "../../charts/labels.ts";
import type { Reconciler } from "../runtime/controller.ts";
import {
  API_VERSION,
  CONDITIONS,
  FIELD_MANAGER,
  GROUP,
  KIND,
  OWNER_LABEL,
  PLURAL,
  REASONS,
  REPLICAS_HANDOVER_MANAGER,
  type SmartService,
  type SmartServiceStatus,
  STATUS_FIELD_MANAGER,
  splitKey,
  VERSION,
} from "./api.ts";
import type { EventRecorder } from "./events.ts";
import { covers, RenderError, renderChildren, type SmartServiceSpec } from "./render.ts";
import { desiredStatus, type Observed, sameStatus } from "./status.ts";

export interface Store<T> {
  get(name: string, namespace?: string): T | undefined;
  list(namespace?: string): readonly T[];
}

export interface ReconcilerDeps {
  smartServices: Store<SmartService<SmartServiceSpec>>;
  /** Caches of the child kinds, keyed "apiVersion/Kind". */
  children: ReadonlyMap<string, Store<KubernetesObject>>;
  objects: KubernetesObjectApi;
  customObjects: CustomObjectsApi;
  events: EventRecorder;
  now?: () => string;
}

const kindKey = (o: { apiVersion?: string; kind?: string }) => `${o.apiVersion}/${o.kind}`;

/** 4xx answers retrying cannot fix (409 Conflict and 429 Too Many Requests can be retried). */
function rejected(err: unknown): err is ApiException<unknown> {
  return (
    err instanceof ApiException && err.code >= 400 && err.code < 500 && err.code !== 409 && err.code !== 429
  );
}

function apiMessage(err: ApiException<unknown>): string {
  const body = err.body as { message?: string } | string | undefined;
  const msg = typeof body === "object" && body?.message ? body.message : String(body ?? err.message);
  return `${err.code}: ${msg}`;
}

export function smartServiceReconciler(deps: ReconcilerDeps): Reconciler {
  const now = deps.now ?? (() => new Date().toISOString().replace(/\.\d+Z$/, "Z"));
  const storeOf = (m: { apiVersion?: string; kind?: string }) => deps.children.get(kindKey(m));

  async function apply(m: Manifest): Promise<KubernetesObject> {
    const live = storeOf(m)?.get(m.metadata.name, m.metadata.namespace);
    if (live && covers(live, m)) return live;
    if (live && m.kind === "Deployment" && (m.spec as { replicas?: number }).replicas === undefined) {
      await handOverReplicas(m);
    }
    return deps.objects.patch(m, undefined, undefined, FIELD_MANAGER, true, PatchStrategy.ServerSideApply);
  }

  /**
   * The chart leaves an autoscaled Deployment's count to its HPA. Where the operator's own apply still
   * owns `spec.replicas` (an older operator's, or the service has just gained an autoscaler), applying
   * without it would release the field and the API would reset it to 1 until the HPA's next sync. So
   * the live count is first applied under a manager of its own, the handover the Kubernetes docs give
   * for migrating to an HPA, and stays where it is. The cache keeps no managedFields: one read, only
   * on the way to an apply.
   */
  async function handOverReplicas(m: Manifest): Promise<void> {
    const ref = {
      apiVersion: m.apiVersion,
      kind: m.kind,
      metadata: { name: m.metadata.name, namespace: m.metadata.namespace },
    };
    let live: { metadata?: KubernetesObject["metadata"]; spec?: { replicas?: number } };
    try {
      live = await deps.objects.read(ref);
    } catch (err) {
      if (err instanceof ApiException && err.code === 404) return;
      throw err;
    }
    const replicas = live.spec?.replicas;
    const owned = live.metadata?.managedFields?.some(
      (f) =>
        f.manager === FIELD_MANAGER &&
        f.operation === "Apply" &&
        (f.fieldsV1 as { "f:spec"?: Record<string, unknown> } | undefined)?.["f:spec"]?.["f:replicas"] !==
          undefined,
    );
    if (!owned || replicas === undefined) return;
    await deps.objects.patch(
      { ...ref, spec: { replicas } },
      undefined,
      undefined,
      REPLICAS_HANDOVER_MANAGER,
      true,
      PatchStrategy.ServerSideApply,
    );
  }

  async function prune(ss: SmartService, wanted: Manifest[]): Promise<void> {
    const keep = new Set(wanted.map((m) => `${kindKey(m)}/${m.metadata.name}`));
    const ns = ss.metadata?.namespace as string;
    for (const [kk, store] of deps.children) {
      for (const child of store.list(ns)) {
        const meta = child.metadata ?? {};
        if (meta.labels?.[OWNER_LABEL] !== ss.metadata?.name) continue;
        if (!meta.ownerReferences?.some((r) => r.uid === ss.metadata?.uid)) continue;
        if (keep.has(`${kk}/${meta.name}`)) continue;
        try {
          await deps.objects.delete(
            {
              apiVersion: child.apiVersion ?? kk.slice(0, kk.lastIndexOf("/")),
              kind: child.kind ?? kk.slice(kk.lastIndexOf("/") + 1),
              metadata: { name: meta.name, namespace: ns },
            },
            undefined,
            undefined,
            undefined,
            undefined,
            "Background",
          );
        } catch (err) {
          if (!(err instanceof ApiException && err.code === 404)) throw err;
        }
      }
    }
  }

  async function writeStatus(ss: SmartService, status: SmartServiceStatus): Promise<void> {
    const meta = ss.metadata ?? {};
    await deps.customObjects.patchNamespacedCustomObjectStatus(
      {
        group: GROUP,
        version: VERSION,
        plural: PLURAL,
        namespace: meta.namespace as string,
        name: meta.name as string,
        // The resourceVersion makes the write conditional: a status computed from a SmartService
        // that has changed since is refused (409) and recomputed from the newer one.
        body: {
          apiVersion: API_VERSION,
          kind: KIND,
          metadata: { name: meta.name, namespace: meta.namespace, resourceVersion: meta.resourceVersion },
          status,
        },
        fieldManager: STATUS_FIELD_MANAGER,
        force: true,
      },
      setHeaderOptions("Content-Type", PatchStrategy.ServerSideApply),
    );
  }

  function announce(
    ss: SmartService,
    before: SmartServiceStatus | undefined,
    after: SmartServiceStatus,
  ): void {
    const find = (s: SmartServiceStatus | undefined, t: string) => s?.conditions?.find((c) => c.type === t);
    const ready = find(after, CONDITIONS.Ready);
    const wasReady = find(before, CONDITIONS.Ready);
    // Becoming Ready, and falling from Ready, are news; the first "not yet" is not.
    if (
      ready &&
      ready.status !== wasReady?.status &&
      (ready.status === "True" || wasReady?.status === "True")
    ) {
      deps.events.record(ss, { type: "Normal", reason: ready.reason, message: ready.message });
    }
    const stalled = find(after, CONDITIONS.Stalled);
    const wasStalled = find(before, CONDITIONS.Stalled);
    if (
      stalled?.status === "True" &&
      (wasStalled?.status !== "True" || wasStalled.message !== stalled.message)
    ) {
      deps.events.record(ss, { type: "Warning", reason: stalled.reason, message: stalled.message });
    }
  }

  return async (key, { log }) => {
    const { namespace, name } = splitKey(key);
    const ss = deps.smartServices.get(name, namespace);
    if (!ss) {
      log.debug("SmartService gone; its children go by garbage collection");
      return undefined;
    }
    if (ss.metadata?.deletionTimestamp) return undefined;
    const generation = ss.metadata?.generation ?? 0;
    const observed: Observed = { generation, replicas: ss.spec.workload.replicas, children: [] };
    const host = ss.spec.workload.host;
    if (host && ss.spec.kind === "public") observed.url = `https://${host}`;
    try {
      const wanted = renderChildren(ss);
      observed.children = wanted.map((m) => `${m.kind}/${m.metadata.name}`);
      const applied = await Promise.all(wanted.map(apply));
      observed.deployment = applied.find((o) => o.kind === "Deployment") as Observed["deployment"];
      await prune(ss, wanted);
    } catch (err) {
      if (err instanceof RenderError) {
        observed.stalled = { reason: REASONS.RenderFailed, message: err.message };
      } else if (rejected(err)) {
        observed.stalled = { reason: REASONS.ApplyRejected, message: apiMessage(err) };
      } else {
        throw err;
      }
      log.error("stalled", { reason: observed.stalled.reason, message: observed.stalled.message });
    }
    const status = desiredStatus(observed, ss.status, now());
    if (!sameStatus(ss.status, status)) {
      await writeStatus(ss, status);
      announce(ss, ss.status, status);
      log.info("status updated", {
        generation,
        ready: status.conditions?.find((c) => c.type === CONDITIONS.Ready)?.reason,
      });
    }
    return undefined;
  };
}
