import { CoordinationV1Api, type KubernetesObject } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Service } from "../../model/types.ts";
import { jsonLogger } from "../../operators/runtime/log.ts";
import { EventRecorder } from "../../operators/smart-service/events.ts";
import { type Store, smartServiceReconciler } from "../../operators/smart-service/reconcile.ts";
import { alive } from "../../twin/kwok.ts";
import { type ApiServerProcess, apiServerProcess } from "./helpers/apiserver-process.ts";
import {
  CLUSTER,
  catalogService,
  isReady,
  SMART_SERVICE_API,
  type SmartServiceNamespace,
  type SS,
  smartServiceNamespace,
  waitFor,
} from "./helpers/kube.ts";
import { type OperatorProcess, shortLease, startOperator } from "./helpers/operator-process.ts";

const NS = "smartservice-faults-test";
let ns: SmartServiceNamespace;
let service: Service;
let apiserver: ApiServerProcess;
const operators: OperatorProcess[] = [];

const readSS = (name: string) => ns.read(name);
const resource = (name: string) => ns.resource(service, name);
const allReady = (names: string[]) => async () => (await Promise.all(names.map(readSS))).every(isReady);

beforeAll(async () => {
  const found = await catalogService("non-essential", (s) => !s.essential);
  // One replica keeps the twin's scheduler work small; the faults are the operator's business.
  service = { ...found, workload: { ...found.workload, replicas: 1, maxReplicas: undefined } };
  ns = await smartServiceNamespace(NS);
  apiserver = await apiServerProcess(CLUSTER);
});

afterAll(async () => {
  for (const op of operators) if (alive(op.pid)) op.child.kill("SIGKILL");
  // Whatever happened, the shared twin's API server runs again for the next test file.
  if (alive(apiserver.pid)) apiserver.resume();
  else await apiserver.restart();
  await ns?.close();
});

async function operator(args: string[]): Promise<OperatorProcess> {
  const op = await startOperator(["--workers", "4", ...args]);
  operators.push(op);
  return op;
}

describe("operator faults", () => {
  it("the API server is killed mid-work and restarted: every SmartService still converges, none lost", async () => {
    const op = await operator(["--no-leader-elect"]);
    await op.waitForLog("caches synced", (l) => l.msg === "caches synced");
    const names = Array.from({ length: 12 }, (_, i) => `crash-${i}`);
    for (const n of names) await ns.k.apply(resource(n));
    // Mid-work: the operator has started on them, and not finished.
    await op.waitForLog("a first reconcile", (l) => l.msg === "status updated");
    await apiserver.kill();
    await apiserver.restart();
    await waitFor("every SmartService Ready after the restart", allReady(names), 180_000);
    expect(
      op.logs.some(
        (l) =>
          l.level === "error" && (l.msg === "list/watch failed; restarting" || l.msg === "reconciler error"),
      ),
    ).toBe(true);
    expect(alive(op.pid)).toBe(true);
    expect(await op.stop()).toBe(0);
  });

  it("the API server is paused (SIGSTOP): the watchdog notices, and after SIGCONT the operator works again", async () => {
    const op = await operator(["--no-leader-elect", "--watch-quiet-timeout", "2"]);
    await op.waitForLog("caches synced", (l) => l.msg === "caches synced");
    expect((await op.get("/readyz")).status).toBe(200);
    apiserver.pause();
    try {
      await op.waitForLog(
        "the watchdog",
        (l) => l.msg === "watch stalled: nothing heard; restarting",
        60_000,
      );
      await waitFor("/readyz to fail", async () => (await op.get("/readyz")).status === 503);
    } finally {
      apiserver.resume();
    }
    await waitFor("/readyz to recover", async () => (await op.get("/readyz")).status === 200, 120_000);
    await ns.k.apply(resource("after-pause"));
    await waitFor("a SmartService created after SIGCONT to be Ready", allReady(["after-pause"]), 120_000);
    expect(await op.stop()).toBe(0);
  });

  it("a status write computed from a stale SmartService is refused with 409, and the retry from the fresh one succeeds", async () => {
    await ns.k.apply(resource("conflict"));
    const stale = (await readSS("conflict")) as SS;
    // Someone else changes the object after the operator's cache saw it.
    await ns.k.objects.patch(
      {
        apiVersion: SMART_SERVICE_API,
        kind: "SmartService",
        metadata: { name: "conflict", namespace: NS, annotations: { touched: "yes" } },
      },
      undefined,
      undefined,
      "someone-else",
      undefined,
      "application/merge-patch+json",
    );
    let current: SS = stale;
    const store: Store<SS> = { get: () => current, list: () => [current] };
    const empty: Store<KubernetesObject> = { get: () => undefined, list: () => [] };
    const log = jsonLogger({ write: () => {} });
    const reconcile = smartServiceReconciler({
      smartServices: store,
      children: new Map([["apps/v1/Deployment", empty]]),
      objects: ns.k.objects,
      customObjects: ns.k.custom,
      events: new EventRecorder(ns.k.core, "test", "test", log),
    });
    const ctx = { log, reconcileId: "t" };
    await expect(reconcile(`${NS}/conflict`, ctx)).rejects.toMatchObject({ code: 409 });
    expect((await readSS("conflict"))?.status).toBeUndefined();
    current = (await readSS("conflict")) as SS;
    await reconcile(`${NS}/conflict`, ctx);
    const written = await readSS("conflict");
    expect(written?.status?.observedGeneration).toBe(written?.metadata?.generation);
    expect(written?.status?.conditions?.length).toBe(3);
  });

  it("the leader is killed: the follower takes the Lease within the lease duration and reconciles", async () => {
    const lease = { name: "smartservice-operator", namespace: NS };
    const timing = shortLease(NS);
    const first = await operator(timing);
    await first.waitForLog("first to lead", (l) => l.msg === "successfully acquired lease");
    const second = await operator(timing);
    await second.waitForLog("the follower to wait", (l) => l.msg === "attempting to acquire leader lease");
    const coordination = ns.k.kc.makeApiClient(CoordinationV1Api);
    const held = await coordination.readNamespacedLease(lease);
    expect(held.spec?.holderIdentity).toMatch(new RegExp(`_${first.pid}$`));
    first.child.kill("SIGKILL");
    await first.exit;
    const lastRenew = (await coordination.readNamespacedLease(lease)).spec?.renewTime as Date;
    await second.waitForLog("the follower to lead", (l) => l.msg === "successfully acquired lease", 60_000);
    const taken = await coordination.readNamespacedLease(lease);
    expect(taken.spec?.holderIdentity).toMatch(new RegExp(`_${second.pid}$`));
    expect(taken.spec?.leaseTransitions).toBe((held.spec?.leaseTransitions ?? 0) + 1);
    // The Lease's own timestamps: the follower took over once the dead leader's lease ran out by
    // its clock. It first saw the last renewal up to one jittered retry period (1 s × 2.2) late
    // and tries once per such period, so client-go's bound is the lease duration plus two of them.
    const gapMs = new Date(taken.spec?.acquireTime as Date).getTime() - new Date(lastRenew).getTime();
    expect(gapMs).toBeGreaterThanOrEqual(4000 - 1000);
    expect(gapMs).toBeLessThanOrEqual(4000 + 2 * 2200 + 1000);
    await ns.k.apply(resource("after-failover"));
    await waitFor("the new leader to reconcile", allReady(["after-failover"]), 120_000);
    expect(await second.stop()).toBe(0);
  });
});
