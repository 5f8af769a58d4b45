import {
  ApiException,
  type CustomObjectsApi,
  type KubernetesObject,
  type KubernetesObjectApi,
} from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import { silentLogger } from "../../../operators/runtime/log.ts";
import {
  FIELD_MANAGER,
  OWNER_LABEL,
  REPLICAS_HANDOVER_MANAGER,
  type SmartService,
} from "../../../operators/smart-service/api.ts";
import type { EventRecord, EventRecorder } from "../../../operators/smart-service/events.ts";
import { type Store, smartServiceReconciler } from "../../../operators/smart-service/reconcile.ts";
import { renderChildren, type SmartServiceSpec } from "../../../operators/smart-service/render.ts";

const ss: SmartService<SmartServiceSpec> = {
  apiVersion: "smartcity.baubaukota.go.id/v1alpha1",
  kind: "SmartService",
  metadata: { name: "arsip", namespace: "ns", uid: "u-9", generation: 1, resourceVersion: "10" },
  spec: {
    name: "Arsip",
    tenant: "dpk",
    kind: "internal",
    area: "archives",
    phase: "I",
    essential: false,
    status: "online",
    classification: "terbatas",
    personalData: false,
    hosting: "datacenter",
    workload: {
      cluster: "dc-prod",
      image: "registry.baubaukota.go.id/dpk/arsip:1.0.0",
      port: 8080,
      replicas: 1,
      resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "200m", memory: "256Mi" } },
      sloTarget: 0.99,
      dependsOn: [],
    },
  },
};

function store<T extends KubernetesObject>(items: T[]): Store<T> {
  return {
    get: (name, ns) => items.find((o) => o.metadata?.name === name && o.metadata?.namespace === ns),
    list: (ns) => items.filter((o) => !ns || o.metadata?.namespace === ns),
  };
}

function harness(
  opts: {
    children?: KubernetesObject[];
    applyError?: unknown;
    current?: SmartService<SmartServiceSpec>;
    /** What a read of a live object returns (the API's copy, with managedFields). */
    live?: (ref: KubernetesObject) => KubernetesObject;
  } = {},
) {
  const applied: KubernetesObject[] = [];
  const managers: string[] = [];
  const deleted: string[] = [];
  const statuses: unknown[] = [];
  const events: EventRecord[] = [];
  const children = opts.children ?? [];
  const byKind = new Map<string, Store<KubernetesObject>>();
  for (const k of [
    "v1/ServiceAccount",
    "v1/Service",
    "apps/v1/Deployment",
    "networking.k8s.io/v1/NetworkPolicy",
  ]) {
    byKind.set(k, store(children.filter((c) => `${c.apiVersion}/${c.kind}` === k)));
  }
  const objects = {
    patch: async (m: KubernetesObject, _pretty?: string, _dryRun?: string, manager?: string) => {
      if (opts.applyError) throw opts.applyError;
      applied.push(m);
      managers.push(manager ?? "");
      return m.kind === "Deployment" ? { ...m, status: { observedGeneration: 0 } } : m;
    },
    read: async (ref: KubernetesObject) => {
      if (!opts.live) throw new Error("this test reads nothing");
      return opts.live(ref);
    },
    delete: async (m: KubernetesObject) => {
      deleted.push(`${m.kind}/${m.metadata?.name}`);
      return {};
    },
  } as unknown as KubernetesObjectApi;
  const customObjects = {
    patchNamespacedCustomObjectStatus: async (p: { body: { status: unknown } }) => {
      statuses.push(p.body);
      return p.body;
    },
  } as unknown as CustomObjectsApi;
  const reconcile = smartServiceReconciler({
    smartServices: store([opts.current ?? ss]),
    children: byKind,
    objects,
    customObjects,
    events: { record: (_: unknown, e: EventRecord) => events.push(e) } as unknown as EventRecorder,
    now: () => "2026-12-01T00:00:00Z",
  });
  const run = () => reconcile("ns/arsip", { log: silentLogger, reconcileId: "r" });
  return { run, applied, managers, deleted, statuses, events };
}

describe("SmartService reconcile", () => {
  it("applies every child, then writes a Progressing status with the resourceVersion it saw", async () => {
    const h = harness();
    await h.run();
    expect(h.applied.map((m) => m.kind).sort()).toEqual([
      "Deployment",
      "NetworkPolicy",
      "Service",
      "ServiceAccount",
    ]);
    expect(h.statuses).toHaveLength(1);
    const body = h.statuses[0] as {
      metadata: { resourceVersion: string };
      status: { conditions: { type: string; reason: string }[] };
    };
    expect(body.metadata.resourceVersion).toBe("10");
    expect(body.status.conditions[0]).toMatchObject({ type: "Ready", reason: "Progressing" });
    expect(h.events).toEqual([]); // "not ready yet" at creation is no news
  });

  it("applies nothing and writes nothing when the children and the status are already as wanted", async () => {
    const live = renderChildren(ss).map((m) =>
      m.kind === "Deployment"
        ? {
            ...m,
            metadata: { ...m.metadata, generation: 1 },
            status: { observedGeneration: 1, updatedReplicas: 1, availableReplicas: 1 },
          }
        : m,
    ) as KubernetesObject[];
    const first = harness({ children: live });
    await first.run();
    expect(first.applied).toEqual([]);
    const status = (first.statuses[0] as { status: SmartService["status"] }).status;
    expect(status?.conditions?.[0]?.reason).toBe("Available");
    expect(first.events).toEqual([
      { type: "Normal", reason: "Available", message: "1 of 1 replicas available" },
    ]);
    const again = harness({ children: live, current: { ...ss, status } });
    await again.run();
    expect(again.applied).toEqual([]);
    expect(again.statuses).toEqual([]);
  });

  it("reapplies a child whose live copy differs (drift), and only that one", async () => {
    const live = renderChildren(ss) as KubernetesObject[];
    const drifted = live.map((m) => (m.kind === "Service" ? { ...m, spec: { ports: [] } } : m));
    const h = harness({ children: drifted });
    await h.run();
    expect(h.applied.map((m) => m.kind)).toEqual(["Service"]);
  });

  describe("an autoscaled Deployment whose count the operator's apply owned", () => {
    const scaled: SmartService<SmartServiceSpec> = {
      ...ss,
      spec: { ...ss.spec, workload: { ...ss.spec.workload, replicas: 2, maxReplicas: 4 } },
    };
    const wanted = renderChildren(scaled);
    const deployment = wanted.find((m) => m.kind === "Deployment") as KubernetesObject;
    // The live copy an older rendering left: a count, and a drifted label so the apply is due.
    const cached = { ...deployment, metadata: { ...deployment.metadata, labels: {} } } as KubernetesObject;
    const fromApi = (fields: Record<string, unknown>) => () =>
      ({
        ...deployment,
        spec: { replicas: 3 },
        metadata: {
          ...deployment.metadata,
          managedFields: [{ manager: FIELD_MANAGER, operation: "Apply", fieldsV1: { "f:spec": fields } }],
        },
      }) as KubernetesObject;

    it("hands the live count to its own manager before the apply that leaves it out", async () => {
      const h = harness({ current: scaled, children: [cached], live: fromApi({ "f:replicas": {} }) });
      await h.run();
      const handover = h.managers.indexOf(REPLICAS_HANDOVER_MANAGER);
      expect(h.applied[handover]).toEqual({
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name: "arsip", namespace: "ns" },
        spec: { replicas: 3 },
      });
      const apply = h.applied.findIndex((m, i) => m.kind === "Deployment" && h.managers[i] === FIELD_MANAGER);
      expect(apply).toBeGreaterThan(handover);
      expect((h.applied[apply] as { spec: object }).spec).not.toHaveProperty("replicas");
    });

    it("hands nothing over when the operator's apply does not own the count", async () => {
      const h = harness({ current: scaled, children: [cached], live: fromApi({ "f:template": {} }) });
      await h.run();
      expect(h.managers).not.toContain(REPLICAS_HANDOVER_MANAGER);
      expect(h.applied.some((m) => m.kind === "Deployment")).toBe(true);
    });
  });

  it("deletes owned children no longer rendered, never another owner's", async () => {
    const stray = (name: string, uid: string) => ({
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: {
        name,
        namespace: "ns",
        labels: { [OWNER_LABEL]: "arsip" },
        ownerReferences: [{ apiVersion: "x", kind: "SmartService", name: "arsip", uid }],
      },
    });
    const h = harness({ children: [stray("old", "u-9"), stray("someone-elses", "u-other")] });
    await h.run();
    expect(h.deleted).toEqual(["NetworkPolicy/old"]);
  });

  it("a child the API server refuses (422) stalls the SmartService with the server's message, without retrying", async () => {
    const h = harness({
      applyError: new ApiException(
        422,
        "Invalid",
        { message: 'Deployment "arsip" is invalid: spec.replicas' },
        {},
      ),
    });
    await expect(h.run()).resolves.toBeUndefined();
    const status = (h.statuses[0] as { status: SmartService["status"] }).status;
    expect(status?.conditions?.find((c) => c.type === "Stalled")).toMatchObject({
      status: "True",
      reason: "ApplyRejected",
      message: expect.stringContaining('422: Deployment "arsip" is invalid'),
    });
    expect(h.events.map((e) => `${e.type}/${e.reason}`)).toEqual(["Warning/ApplyRejected"]);
  });

  it("a transient failure (500, 409, network) is thrown for the queue's backoff", async () => {
    await expect(harness({ applyError: new ApiException(500, "boom", {}, {}) }).run()).rejects.toMatchObject({
      code: 500,
    });
    await expect(
      harness({ applyError: new ApiException(409, "conflict", {}, {}) }).run(),
    ).rejects.toMatchObject({ code: 409 });
    await expect(harness({ applyError: new Error("ECONNREFUSED") }).run()).rejects.toThrow("ECONNREFUSED");
  });

  it("a SmartService that is gone or being deleted needs nothing", async () => {
    const h = harness({ current: { ...ss, metadata: { ...ss.metadata, deletionTimestamp: new Date() } } });
    await h.run();
    expect(h.applied).toEqual([]);
    expect(h.statuses).toEqual([]);
  });
});
