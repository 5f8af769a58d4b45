// The operator runtime against the twin's real kube-apiserver: the informer's cache follows the
// server, survives a watch ended by 410 Gone, and leader election hands the Lease over.
import {
  CoordinationV1Api,
  type CoreV1Event,
  type KubernetesListObject,
  type V1ConfigMap,
} from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Informer } from "../../operators/runtime/informer.ts";
import { LeaderElector } from "../../operators/runtime/leader-election.ts";
import { jsonLogger, type Logger } from "../../operators/runtime/log.ts";
import { apiServerProcess } from "./helpers/apiserver-process.ts";
import { CLUSTER, createNamespace, deleteNamespace, type Kube, kube, waitFor } from "./helpers/kube.ts";

const NS = "operator-runtime-test";
let k: Kube;
const lines: Record<string, unknown>[] = [];
const log: Logger = jsonLogger({ write: (l) => lines.push(JSON.parse(l)), level: "debug" });

beforeAll(async () => {
  k = kube();
  await createNamespace(k, NS);
});
afterAll(async () => {
  await deleteNamespace(k, NS);
  await k.close();
});

const configMap = (name: string, value: string): V1ConfigMap => ({
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: { name, namespace: NS },
  data: { value },
});

function configMapInformer(list: () => Promise<KubernetesListObject<V1ConfigMap>>) {
  return new Informer<V1ConfigMap>({
    kubeConfig: k.kc,
    path: `/api/v1/namespaces/${NS}/configmaps`,
    list,
    log,
    backoff: { minMs: 100, maxMs: 1000 },
  });
}

describe("informer", () => {
  it("its cache follows creates, updates and deletes, and hands each to its handlers", async () => {
    await k.core.createNamespacedConfigMap({ namespace: NS, body: configMap("before", "1") });
    const informer = configMapInformer(() => k.core.listNamespacedConfigMap({ namespace: NS }));
    const seen: string[] = [];
    for (const e of ["add", "update", "delete"] as const)
      informer.on(e, (o) => seen.push(`${e}:${o.metadata?.name}`));
    try {
      await informer.start();
      expect(informer.synced).toBe(true);
      expect(informer.get("before", NS)?.data?.value).toBe("1");
      // The cache transform: the server sends managedFields, the cache does not keep them.
      expect(informer.get("before", NS)?.metadata?.managedFields).toBeUndefined();
      await k.core.createNamespacedConfigMap({ namespace: NS, body: configMap("after", "a") });
      await k.core.replaceNamespacedConfigMap({
        name: "before",
        namespace: NS,
        body: configMap("before", "2"),
      });
      await k.core.deleteNamespacedConfigMap({ name: "after", namespace: NS });
      await waitFor("the delete to reach the cache", () => seen.includes("delete:after"));
      expect(seen).toEqual(
        expect.arrayContaining(["add:before", "add:after", "update:before", "delete:after"]),
      );
      expect(informer.get("before", NS)?.data?.value).toBe("2");
      expect(informer.get("before", NS)?.metadata?.managedFields, "watched too").toBeUndefined();
      expect(informer.list(NS).map((c) => c.metadata?.name)).not.toContain("after");
      expect(informer.stalled).toBe(false);
    } finally {
      await informer.stop();
    }
  });

  it("a watch ended by the server with 410 Gone re-lists and keeps following", async () => {
    // Events have no watch cache in kube-apiserver: a watch from a compacted revision goes to
    // etcd and is answered 410 Gone. The first list claims resourceVersion 1 (a list from long
    // ago), etcd is compacted past it, and the informer must re-list and keep following.
    const apiserver = await apiServerProcess(CLUSTER);
    await apiserver.compactEtcd();
    let lists = 0;
    const informer = new Informer<CoreV1Event>({
      kubeConfig: k.kc,
      path: `/api/v1/namespaces/${NS}/events`,
      list: async () => {
        const list = await k.core.listNamespacedEvent({ namespace: NS });
        lists++;
        if (lists === 1) list.metadata = { ...list.metadata, resourceVersion: "1" };
        return list;
      },
      log,
      backoff: { minMs: 100, maxMs: 1000 },
    });
    try {
      await informer.start();
      await waitFor("the informer to re-list after 410 Gone", () => lists >= 2);
      // The server says 410 either as an ERROR event in the stream or as the watch's HTTP status.
      expect(
        lines.some((l) => (l.msg === "watch error event" || l.msg === "watch ended") && l.status === 410),
      ).toBe(true);
      await k.core.createNamespacedEvent({
        namespace: NS,
        body: {
          metadata: { name: "after-gone", namespace: NS },
          involvedObject: { apiVersion: "v1", kind: "ConfigMap", name: "before", namespace: NS },
          source: { component: "baubau-tests" },
          reason: "Test",
          message: "created after the re-list",
        },
      });
      await waitFor("an Event created after the re-list to reach the cache", () =>
        informer.get("after-gone", NS),
      );
      expect(informer.stats.restarts).toBe(0); // ListWatch handled it; nothing had to be restarted
    } finally {
      await informer.stop();
    }
  });

  it("a list that fails is retried with backoff until it succeeds, never silently dropped", async () => {
    let calls = 0;
    const informer = configMapInformer(async () => {
      calls++;
      // A real failure from the server: a group it does not serve (404).
      if (calls <= 2) {
        return k.custom.listNamespacedCustomObject({
          group: "nope.example",
          version: "v1",
          plural: "things",
          namespace: NS,
        });
      }
      return k.core.listNamespacedConfigMap({ namespace: NS });
    });
    try {
      await informer.start();
      expect(calls).toBe(3);
      expect(informer.stats.restarts).toBe(2);
      expect(informer.get("before", NS)).toBeDefined();
      expect(lines.some((l) => l.msg === "list/watch failed; restarting")).toBe(true);
    } finally {
      await informer.stop();
    }
  });
});

describe("leader election", () => {
  const lease = "runtime-test-lease";
  const elector = (identity: string) =>
    new LeaderElector({
      api: k.kc.makeApiClient(CoordinationV1Api),
      namespace: NS,
      name: lease,
      identity,
      leaseDurationMs: 4000,
      renewDeadlineMs: 3000,
      retryPeriodMs: 500,
      log,
    });

  it("of two candidates exactly one leads; on release the other takes over at once", async () => {
    const a = elector("a");
    const b = elector("b");
    await a.acquire();
    const renewingA = a.renewUntilLost();
    let bLeads = false;
    const bAcquired = b.acquire().then((ok) => {
      bLeads = ok;
    });
    const coordination = k.kc.makeApiClient(CoordinationV1Api);
    // b has seen the lease held (it has tried at least twice) and still waits.
    await waitFor(
      "b to have tried",
      () => lines.filter((l) => l.msg === "attempting to acquire leader lease").length >= 2,
    );
    const held = await coordination.readNamespacedLease({ name: lease, namespace: NS });
    expect(held.spec?.holderIdentity).toBe("a");
    expect(bLeads).toBe(false);
    await a.release();
    expect(await renewingA).toBe(true);
    await bAcquired;
    expect(bLeads).toBe(true);
    const taken = await coordination.readNamespacedLease({ name: lease, namespace: NS });
    expect(taken.spec?.holderIdentity).toBe("b");
    expect(taken.spec?.leaseTransitions).toBe((held.spec?.leaseTransitions ?? 0) + 1);
    await b.release();
    const released = await coordination.readNamespacedLease({ name: lease, namespace: NS });
    expect(released.spec?.holderIdentity ?? "").toBe("");
  });

  it("refuses timings that break client-go's rule", () => {
    expect(
      () =>
        new LeaderElector({
          api: k.kc.makeApiClient(CoordinationV1Api),
          namespace: NS,
          name: lease,
          identity: "x",
          leaseDurationMs: 2000,
          renewDeadlineMs: 3000,
          log,
        }),
    ).toThrow(/leaseDuration > renewDeadline/);
  });
});
