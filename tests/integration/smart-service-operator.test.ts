// The SmartService operator, as a process, against the twin's real kube-apiserver: invalid specs
// refused by the API server, create / update / drift / prune / delete converge, conditions and
// Events, field managers, /metrics consistent with what happened, graceful SIGTERM.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { CoordinationV1Api, type KubernetesObject } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import type { Service, ServiceWorkload } from "../../model/types.ts";
import { FIELD_MANAGER, OWNER_LABEL, REPLICAS_HANDOVER_MANAGER } from "../../operators/smart-service/api.ts";
import { renderChildren } from "../../operators/smart-service/render.ts";
import { bin } from "../../toolchain/paths.ts";
import {
  catalogService,
  isReady,
  KUBECONFIG,
  SMART_SERVICE_API,
  type SmartServiceNamespace,
  type SS,
  smartServiceNamespace,
  waitFor,
} from "./helpers/kube.ts";
import { type OperatorProcess, shortLease, startOperator } from "./helpers/operator-process.ts";

const NS = "smartservice-operator-test";
let ns: SmartServiceNamespace;
let op: OperatorProcess;
let service: Service & { workload: ServiceWorkload };
let scratch: string;

const readSS = (name: string) => ns.read(name);
/** The portal SmartService's child of this kind (every child has the SmartService's name). */
const portalChild = <T extends KubernetesObject>(apiVersion: string, kind: string) =>
  ns.k.read<T>(apiVersion, kind, NS, "portal");

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "baubau-operator-"));
  // Not an essential one: the chart spreads those hard over the zones, and the twin's workers
  // are in two of its three zones (the third has only tainted control planes).
  service = await catalogService(
    "public, non-essential with a host",
    (s) => s.kind === "public" && s.workload.host !== undefined && !s.essential,
  );
  ns = await smartServiceNamespace(NS);
  op = await startOperator(["--workers", "4", ...shortLease(NS)]);
  await op.waitForLog("leadership", (l) => l.msg === "successfully acquired lease");
});

afterAll(async () => {
  await op?.stop();
  await ns?.close();
  await rm(scratch, { recursive: true, force: true });
});

async function kubectlApply(manifest: unknown): Promise<{ ok: boolean; output: string }> {
  const file = join(scratch, `m-${Math.random().toString(36).slice(2)}.yaml`);
  await writeFile(file, stringify(manifest));
  try {
    const { stdout } = await promisify(execFile)(bin.kubectl, [
      "--kubeconfig",
      KUBECONFIG,
      "apply",
      "--server-side",
      "-f",
      file,
    ]);
    return { ok: true, output: stdout };
  } catch (err) {
    return { ok: false, output: String((err as { stderr?: string }).stderr) };
  }
}

/** The SmartService `name` of the test's service, changed by `change`. */
const resource = (name: string, change: (s: Service) => Service = (s) => s): SS =>
  ns.resource(change(service), name);

describe("the SmartService operator on the twin", () => {
  it("the API server refuses invalid SmartServices with the rule's message (kubectl apply)", async () => {
    const w = service.workload as NonNullable<Service["workload"]>;
    const cases: [string, Service, RegExp][] = [
      [
        "bad-essential",
        { ...service, essential: true, workload: { ...w, replicas: 1 } },
        /at least 2 replicas/,
      ],
      [
        "bad-host",
        { ...service, kind: "internal", essential: false },
        /only public services get a public host/,
      ],
      [
        "bad-image",
        { ...service, workload: { ...w, image: "registry.baubaukota.go.id/x/y:latest" } },
        /latest/,
      ],
      [
        "bad-replicas",
        { ...service, essential: false, workload: { ...w, replicas: 0 } },
        /replicas.*greater than or equal to 1/,
      ],
    ];
    for (const [name, s, message] of cases) {
      const result = await kubectlApply(resource(name, () => ({ ...s, id: name })));
      expect(result.ok, name).toBe(false);
      expect(result.output, name).toMatch(message);
      expect(await readSS(name), name).toBeUndefined();
    }
  });

  it("a new SmartService gets its children and becomes Ready, with status, Events and its own field managers", async () => {
    await ns.k.apply(resource("portal"));
    const ss = await waitFor("portal Ready", async () => {
      const s = await readSS("portal");
      return isReady(s) ? s : undefined;
    });
    const w = service.workload as NonNullable<Service["workload"]>;
    expect(ss.status?.availableReplicas).toBe(w.replicas);
    expect(ss.status?.url).toBe(`https://${w.host}`);
    expect(ss.status?.children).toEqual(
      renderChildren(ss)
        .map((m) => `${m.kind}/${m.metadata.name}`)
        .sort(),
    );
    expect(ss.status?.conditions?.map((c) => `${c.type}=${c.status}/${c.reason}`)).toEqual([
      "Ready=True/Available",
      "Reconciling=False/Reconciled",
      "Stalled=False/NotStalled",
    ]);
    const deployment = await portalChild("apps/v1", "Deployment");
    expect(deployment?.metadata?.ownerReferences?.[0]).toMatchObject({
      kind: "SmartService",
      name: "portal",
      uid: ss.metadata?.uid,
      controller: true,
    });
    expect(deployment?.metadata?.labels?.[OWNER_LABEL]).toBe("portal");
    expect(deployment?.metadata?.managedFields?.map((f) => `${f.manager}:${f.operation}`)).toContain(
      "smartservice-operator:Apply",
    );
    // The service autoscales: the HorizontalPodAutoscaler owns the replica count, the operator does not
    // claim it (else each reconcile would undo the autoscaler's choice).
    expect(w.maxReplicas ?? 0).toBeGreaterThan(w.replicas);
    const applied = deployment?.metadata?.managedFields?.find((f) => f.manager === "smartservice-operator");
    expect(JSON.stringify(applied?.fieldsV1)).toContain('"f:template"');
    expect(JSON.stringify(applied?.fieldsV1)).not.toContain('"f:replicas"');
    expect(
      ss.metadata?.managedFields?.some(
        (f) => f.manager === "smartservice-operator-status" && f.subresource === "status",
      ),
    ).toBe(true);
    const events = await waitFor("the Available event", async () => {
      const list = await ns.k.core.listNamespacedEvent({
        namespace: NS,
        fieldSelector: "involvedObject.name=portal",
      });
      return list.items.some((e) => e.reason === "Available") ? list.items : undefined;
    });
    expect(events.find((e) => e.reason === "Available")?.type).toBe("Normal");
  });

  it("a spec change bumps the generation; the children and the status follow", async () => {
    const before = (await readSS("portal")) as SS;
    const w = service.workload as NonNullable<Service["workload"]>;
    const replicas = w.replicas + 1;
    await ns.k.apply(resource("portal", (s) => ({ ...s, workload: { ...w, replicas } })));
    const after = await waitFor("portal Ready at the new generation", async () => {
      const s = await readSS("portal");
      return isReady(s) && (s?.metadata?.generation ?? 0) > (before.metadata?.generation ?? 0)
        ? s
        : undefined;
    });
    expect(after.status?.observedGeneration).toBe(after.metadata?.generation);
    expect(after.status?.availableReplicas).toBe(replicas);
    // The new floor reaches the Deployment through the autoscaler: its minReplicas, which the HPA
    // controller enforces (no metrics needed for that, so also on kwok).
    const hpa = await portalChild<KubernetesObject & { spec: { minReplicas: number } }>(
      "autoscaling/v2",
      "HorizontalPodAutoscaler",
    );
    expect(hpa?.spec.minReplicas).toBe(replicas);
    const d = await portalChild<KubernetesObject & { spec: { replicas: number } }>("apps/v1", "Deployment");
    expect(d?.spec.replicas).toBe(replicas);
  });

  it("a service that gains an autoscaler keeps its count: the operator hands spec.replicas over first", async () => {
    const w = service.workload as NonNullable<Service["workload"]>;
    type Counted = KubernetesObject & { spec: { replicas?: number } };
    const deployment = () => ns.k.read<Counted>("apps/v1", "Deployment", NS, "scaler");
    const operatorOwnsCount = (d: Counted | undefined) =>
      d?.metadata?.managedFields?.some(
        (f) => f.manager === FIELD_MANAGER && JSON.stringify(f.fieldsV1).includes('"f:replicas"'),
      );
    const fixed = { ...w, replicas: 2, maxReplicas: undefined };
    await ns.k.apply(resource("scaler", (s) => ({ ...s, workload: fixed })));
    await waitFor("scaler Ready with a fixed count", async () => isReady(await readSS("scaler")), 120_000);
    const before = await deployment();
    expect(before?.spec.replicas).toBe(2);
    expect(operatorOwnsCount(before)).toBe(true);

    await ns.k.apply(resource("scaler", (s) => ({ ...s, workload: { ...fixed, maxReplicas: 4 } })));
    const after = await waitFor("the count handed over", async () => {
      const d = await deployment();
      return d?.metadata?.managedFields?.some((f) => f.manager === REPLICAS_HANDOVER_MANAGER) ? d : undefined;
    });
    // Without the handover the operator's apply would release the field and the API reset it to 1.
    expect(after.spec.replicas).toBe(2);
    expect(operatorOwnsCount(after)).toBe(false);
    await ns.k.objects.delete({
      apiVersion: SMART_SERVICE_API,
      kind: "SmartService",
      metadata: { name: "scaler", namespace: NS },
    } as KubernetesObject);
  });

  it("drift is reverted: a deleted child comes back, a hand-edited field is restored", async () => {
    const svc = await portalChild("v1", "Service");
    await ns.k.core.deleteNamespacedService({ name: "portal", namespace: NS });
    const back = await waitFor("the Service to come back", async () => {
      const s = await portalChild("v1", "Service");
      return s && s.metadata?.uid !== svc?.metadata?.uid ? s : undefined;
    });
    expect(back.metadata?.ownerReferences?.[0]?.name).toBe("portal");

    // A field the operator owns (the replica count is the autoscaler's): the container image, changed
    // the way `kubectl set image`/`kubectl edit` does, an update by another field manager.
    type WithImage = KubernetesObject & { spec: { template: { spec: { containers: { image: string }[] } } } };
    const image = async () =>
      (await portalChild<WithImage>("apps/v1", "Deployment"))?.spec.template.spec.containers[0]?.image;
    const wanted = await image();
    expect(wanted).toBe((service.workload as NonNullable<Service["workload"]>).image);
    const edited = (await ns.k.objects.patch(
      {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name: "portal", namespace: NS },
        spec: { template: { spec: { containers: [{ name: "portal", image: `${wanted}-hand-edited` }] } } },
      },
      undefined,
      undefined,
      "kubectl-edit",
      undefined,
      "application/strategic-merge-patch+json",
    )) as WithImage;
    expect(edited.spec.template.spec.containers[0]?.image).toBe(`${wanted}-hand-edited`);
    await waitFor("the image to be restored", async () => (await image()) === wanted);
  });

  it("an owned child the chart no longer renders is pruned", async () => {
    const ss = (await readSS("portal")) as SS;
    await ns.k.apply({
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: {
        name: "portal-left-over",
        namespace: NS,
        labels: { [OWNER_LABEL]: "portal" },
        ownerReferences: [
          {
            apiVersion: SMART_SERVICE_API,
            kind: "SmartService",
            name: "portal",
            uid: ss.metadata?.uid as string,
            controller: true,
          },
        ],
      },
      spec: { podSelector: {}, policyTypes: ["Ingress"] },
    } as KubernetesObject);
    await waitFor(
      "the left-over NetworkPolicy to be pruned",
      async () =>
        (await ns.k.read("networking.k8s.io/v1", "NetworkPolicy", NS, "portal-left-over")) === undefined,
    );
  });

  it("deleting the SmartService deletes its children by garbage collection", async () => {
    const children = renderChildren((await readSS("portal")) as SS);
    for (const c of children)
      expect(await ns.k.read(c.apiVersion, c.kind, NS, c.metadata.name), c.kind).toBeDefined();
    await ns.k.custom.deleteNamespacedCustomObject({
      group: "smartcity.baubaukota.go.id",
      version: "v1alpha1",
      plural: "smartservices",
      namespace: NS,
      name: "portal",
    });
    await waitFor(
      "the children to be garbage-collected",
      async () => {
        const left = await Promise.all(
          children.map((c) => ns.k.read(c.apiVersion, c.kind, NS, c.metadata.name)),
        );
        return left.every((o) => o === undefined);
      },
      120_000,
    );
  });

  it("/metrics has every controller-runtime series, consistent with what happened", async () => {
    const sample = async () => parseMetrics((await op.get("/metrics")).body);
    // Idle: nothing queued, nothing in flight.
    const m = await waitFor("the queue to be idle", async () => {
      const s = await sample();
      return s.get('workqueue_depth{name="smartservice",controller="smartservice",priority=""}') === 0 &&
        s.get('controller_runtime_active_workers{controller="smartservice"}') === 0
        ? s
        : undefined;
    });
    const c = '{controller="smartservice"';
    const q = '{name="smartservice",controller="smartservice"}';
    const result = (r: string) => m.get(`controller_runtime_reconcile_total${c},result="${r}"}`) as number;
    for (const r of ["success", "error", "requeue", "requeue_after"])
      expect(result(r), r).toBeGreaterThanOrEqual(0);
    const reconciles = ["success", "error", "requeue", "requeue_after"].reduce((a, r) => a + result(r), 0);
    expect(result("success")).toBeGreaterThanOrEqual(5);
    expect(m.get(`controller_runtime_reconcile_errors_total${c}}`)).toBe(result("error"));
    expect(m.get(`controller_runtime_reconcile_time_seconds_count${c}}`)).toBe(reconciles);
    expect(m.get(`controller_runtime_max_concurrent_reconciles${c}}`)).toBe(4);
    expect(m.get(`workqueue_adds_total${q}`)).toBe(reconciles);
    expect(m.get(`workqueue_queue_duration_seconds_count${q}`)).toBe(reconciles);
    expect(m.get(`workqueue_work_duration_seconds_count${q}`)).toBe(reconciles);
    expect(m.get(`workqueue_retries_total${q}`)).toBe(result("error") + result("requeue"));
    expect(m.get(`workqueue_unfinished_work_seconds${q}`)).toBe(0);
    expect(m.get(`workqueue_longest_running_processor_seconds${q}`)).toBe(0);
    expect(m.get('leader_election_master_status{name="smartservice-operator"}')).toBe(1);
    expect(m.get("process_resident_memory_bytes")).toBeGreaterThan(0);
    expect(m.get("process_cpu_seconds_total")).toBeGreaterThan(0);
    expect((await op.get("/healthz")).status).toBe(200);
    expect((await op.get("/readyz")).status).toBe(200);
  });

  it("SIGTERM: finishes, releases the lease, exits 0", async () => {
    expect(await op.stop()).toBe(0);
    const lease = await ns.k.kc
      .makeApiClient(CoordinationV1Api)
      .readNamespacedLease({ name: "smartservice-operator", namespace: NS });
    expect(lease.spec?.holderIdentity ?? "").toBe("");
    expect(op.logs.some((l) => l.msg === "released leader lease")).toBe(true);
    // Every line is structured; reconcile lines carry the object key and the reconcile id.
    const reconcileLines = op.logs.filter((l) => l.msg === "status updated");
    expect(reconcileLines.length).toBeGreaterThan(0);
    for (const l of reconcileLines) {
      expect(l.key).toMatch(new RegExp(`^${NS}/`));
      expect(l.reconcileID).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

/** Prometheus text format → "name{labels}" → value (labels as printed by prom-client). */
function parseMetrics(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const i = line.lastIndexOf(" ");
    out.set(line.slice(0, i), Number(line.slice(i + 1)));
  }
  return out;
}
