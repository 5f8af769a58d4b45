// End to end on the twin: the real Prometheus, Alertmanager and blackbox exporter run on 127.0.0.1 with
// the configs generated from the model; Prometheus scrapes the KPI exporter, the SmartService operator
// (the real one, as a process against the twin's dc-prod) and the twin's API servers, and probes every
// operational site's stand-in. Its query results equal what model/ computes; stopping a school's
// stand-in fires SiteUnreachable, routed to the school's OPD; stopping a PoP that cuts sites off pages
// PopDown, and Alertmanager inhibits the PoP's own SiteUnreachable; a SmartService the operator made
// Ready fails when its pods are lost and its namespace's quota refuses new ones: the operator turns
// Ready False, SmartServiceNotReady pages its owner, and clears when the quota is lifted. The
// operator's own metrics, as Prometheus scraped them, follow what it did; stopped, it fires OperatorDown.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyseCoverage } from "../../model/analyses/coverage.ts";
import { analyseDiversity } from "../../model/analyses/diversity.ts";
import { analyseTier2 } from "../../model/analyses/tier2.ts";
import { loadInventory } from "../../model/load/index.ts";
import type { Inventory, Service } from "../../model/types.ts";
import { dashboards } from "../../monitoring/dashboards/index.ts";
import { serviceKpis } from "../../monitoring/exporter/services.ts";
import { ROOT } from "../../toolchain/paths.ts";
import { paths } from "../../twin/kwok.ts";
import { planTwin } from "../../twin/plan.ts";
import {
  isReady,
  type Kube,
  type SmartServiceNamespace,
  smartServiceNamespace,
  waitFor,
} from "./helpers/kube.ts";
import { type LocalMonitoring, startLocalMonitoring } from "./helpers/local-monitoring.ts";
import { type OperatorProcess, shortLease, startOperator } from "./helpers/operator-process.ts";

const dir = join(ROOT, ".monitoring-it");
let monitoring: LocalMonitoring;
let state: LocalMonitoring["state"];
let inventory: Inventory;
let k: Kube;
let ns: SmartServiceNamespace;
let op: OperatorProcess;
const NAMESPACE = "monitoring-it";
const QUOTA = "no-new-pods";
const RECONCILES =
  'controller_runtime_reconcile_total{job="smartservice-operator",controller="smartservice"}';
let reconcilesBefore = 0;

const query = (expr: string) => monitoring.query(expr);

const one = async (expr: string) => {
  const r = await query(expr);
  if (r.length !== 1) throw new Error(`${expr}: ${r.length} series`);
  return Number(r[0]?.value[1]);
};

interface AmAlert {
  labels: Record<string, string>;
  receivers: { name: string }[];
  status: { state: string; inhibitedBy: string[] };
}
const amAlerts = async () =>
  (await (await fetch(`${state.urls.alertmanager}/api/v2/alerts`)).json()) as AmAlert[];
/** Waits until Alertmanager holds an alert that `match`es, and returns it. */
const inAlertmanager = (what: string, match: (a: AmAlert) => boolean) =>
  waitFor(`${what} in Alertmanager`, async () => (await amAlerts()).find(match), 60_000);

const firing = (alert: string, site: string) =>
  `ALERTS{alertname="${alert}",alertstate="firing",site="${site}"}`;

beforeAll(async () => {
  const loaded = await loadInventory(join(ROOT, "inventory"));
  if (!loaded.ok) throw new Error("inventory has problems");
  inventory = loaded.inventory;
  const clusters = planTwin(inventory.datacenter).map((c) => c.name);
  ns = await smartServiceNamespace(NAMESPACE);
  k = ns.k;
  // The operator as tests/integration/smart-service-operator.test.ts runs it: a process, its Lease
  // in this test's namespace with short timings.
  op = await startOperator(["--workers", "2", ...shortLease(NAMESPACE)]);
  await op.waitForLog("leadership", (l) => l.msg === "successfully acquired lease");
  monitoring = await startLocalMonitoring({
    dir,
    inventoryDir: join(ROOT, "inventory"),
    kubeconfigs: Object.fromEntries(clusters.map((c) => [c, paths.kubeconfig(c)])),
    servicesCluster: "dc-prod",
    operatorTargets: [op.address],
    scrapeInterval: "1s",
    forScale: 0.02,
  });
  state = monitoring.state;
  // Every site answered its probe and every API server a scrape: the stack sees the whole twin.
  await waitFor(
    "every site probe and API server up",
    async () =>
      (await query(`probe_success{job="site-probe"} == 1`)).length === state.sites.length &&
      (await query(`up{job="kubernetes-apiservers"} == 1`)).length === clusters.length &&
      (await query(`up{job="smartservice-operator"} == 1`)).length === 1 &&
      (await query(`target:baubau_fiber_coverage:ratio`)).length > 0 &&
      (await query("baubau:tier2_availability_errors:ratio_rate3d")).length === 1 &&
      (await query("baubau_smart_service_list_success")).length === 1,
    60_000,
  );
});

afterAll(async () => {
  await op?.stop();
  await monitoring?.stop();
  await ns?.close();
});

describe("monitoring on the twin", () => {
  it("Prometheus's KPI values equal what model/ computes", async () => {
    const coverage = analyseCoverage(inventory);
    for (const t of coverage.targets) {
      expect(await one(`target:baubau_fiber_coverage:ratio{target="${t.targetId}",scope="all"}`)).toBe(
        t.all.ratio,
      );
      expect(
        await one(`target:baubau_fiber_coverage:ratio{target="${t.targetId}",scope="without-province"}`),
      ).toBe(t.withoutProvince.ratio);
    }
    const tier2 = analyseTier2(inventory.datacenter);
    expect(await one("baubau:datacenter_n_plus_one_classes:ratio")).toBe(
      tier2.classes.filter((c) => c.ok).length / tier2.classes.length,
    );
    const services = serviceKpis(inventory.services);
    expect(await one('baubau_essential_public_services_online_ratio{source="catalog"}')).toBe(
      services.essentialPublic.ratio,
    );
    expect(await one("baubau:internal_admin_services_digitised:ratio")).toBe(services.internalAdmin.ratio);
    // The cluster can be read and holds no SmartService yet: the live figure (preferred by the rule) is 0.
    expect(await one("baubau_smart_service_list_success")).toBe(1);
    expect(await one("baubau:essential_public_services_online:ratio")).toBe(0);
    for (const v of analyseDiversity(inventory).cutVertices) {
      expect(await one(`baubau_site_cut_off_sites{site="${v.siteId}"}`)).toBe(v.sitesCutOff);
    }
  });

  it("scrapes both twin API servers: the Tier-2 SLI has no errors", async () => {
    const up = await query(`up{job="kubernetes-apiservers"}`);
    expect(up.map((s) => s.metric.cluster).sort()).toEqual(
      planTwin(inventory.datacenter)
        .map((c) => c.name)
        .sort(),
    );
    // A 5-minute rate needs two scrapes of the API servers and one rule evaluation after them.
    const sli = "baubau:tier2_availability_errors:ratio_rate5m";
    await waitFor(`${sli} recorded`, async () => (await query(sli)).length === 1, 120_000);
    expect(await one(sli)).toBe(0);
  });

  it("a stopped school stand-in fires SiteUnreachable, routed to its OPD, and clears when it is back", async () => {
    const site = state.sites.find((s) => s.category === "school" && s.opd !== "unassigned");
    if (!site) throw new Error("the inventory has no operational city school");
    expect(await query(firing("SiteUnreachable", site.site))).toEqual([]);
    await monitoring.setSite(site.site, "down");
    await waitFor(
      "SiteUnreachable firing in Prometheus",
      async () => (await query(firing("SiteUnreachable", site.site))).length === 1,
      60_000,
    );
    const [alert] = await query(firing("SiteUnreachable", site.site));
    expect(alert?.metric).toMatchObject({
      opd: site.opd,
      pop: site.pop,
      category: "school",
      severity: "ticket",
    });
    // Only the stopped site: every other probe still succeeds.
    expect((await query(`ALERTS{alertname="SiteUnreachable",alertstate="firing"}`)).length).toBe(1);
    const inAm = await inAlertmanager(
      "SiteUnreachable",
      (a) => a.labels.alertname === "SiteUnreachable" && a.labels.site === site.site,
    );
    expect(inAm?.receivers.map((r) => r.name)).toEqual([`opd-${site.opd}`]);
    expect(inAm?.status.state).toBe("active");

    await monitoring.setSite(site.site, "up");
    await waitFor(
      "SiteUnreachable resolved",
      async () => (await query(`ALERTS{site="${site.site}"}`)).length === 0,
      60_000,
    );
  });

  it("a stopped PoP that cuts sites off pages PopDown, and its own SiteUnreachable is inhibited", async () => {
    const cut = analyseDiversity(inventory).cutVertices.find(
      (v) => v.category === "pop" && v.sitesCutOff > 0,
    );
    if (!cut) throw new Error("the inventory has no PoP whose loss cuts sites off");
    await monitoring.setSite(cut.siteId, "down");
    await waitFor(
      "PopDown and SiteUnreachable for the PoP in Alertmanager",
      async () => {
        const mine = (await amAlerts()).filter((a) => a.labels.site === cut.siteId);
        return (
          mine.some((a) => a.labels.alertname === "PopDown") &&
          mine.some((a) => a.labels.alertname === "SiteUnreachable")
        );
      },
      60_000,
    );
    // Inhibition is evaluated by Alertmanager as the alerts arrive: wait for it to settle.
    await waitFor(
      "the PoP's SiteUnreachable suppressed",
      async () =>
        (await amAlerts()).some(
          (a) =>
            a.labels.alertname === "SiteUnreachable" &&
            a.labels.site === cut.siteId &&
            a.status.state === "suppressed",
        ),
      30_000,
    );
    const mine = (await amAlerts()).filter((a) => a.labels.site === cut.siteId);
    const popDown = mine.find((a) => a.labels.alertname === "PopDown");
    const unreachable = mine.find((a) => a.labels.alertname === "SiteUnreachable");
    expect(popDown?.labels).toMatchObject({ severity: "page", opd: "diskominfo", pop: cut.siteId });
    expect(popDown?.receivers.map((r) => r.name)).toEqual(["noc-page", "opd-diskominfo-page"]);
    expect(popDown?.status.state).toBe("active");
    expect(unreachable?.status.inhibitedBy.length).toBe(1);
    await monitoring.setSite(cut.siteId, "up");
  });

  it("a SmartService the operator made Ready fails when its pods cannot be replaced: the operator's Ready=False pages its owner, and clears", async () => {
    const service = inventory.services.find(
      (x): x is Service & { workload: NonNullable<Service["workload"]> } =>
        x.kind === "public" && x.essential && x.status === "online" && x.workload?.cluster === "dc-prod",
    );
    if (!service) throw new Error("the catalog has no online essential public service on dc-prod");
    const essential = inventory.services.filter(
      (x) => x.kind === "public" && x.essential && x.status !== "retired",
    );
    reconcilesBefore = await one(`sum(${RECONCILES})`);
    await k.apply(ns.resource(service));
    const readSS = () => ns.read(service.id);
    await waitFor(
      "the operator to make the SmartService Ready",
      async () => isReady(await readSS()),
      180_000,
    );
    const ready = `baubau_smart_service_ready{name="${service.id}",namespace="${NAMESPACE}"}`;
    await waitFor(
      "the exporter reporting the service Ready",
      async () => (await query(`${ready} == 1`)).length === 1,
      60_000,
    );
    // One of the essential public services is Ready in the cluster: the live KPI (preferred by the rule).
    await waitFor(
      "the live KPI from the cluster",
      async () =>
        (await query("baubau:essential_public_services_online:ratio")).some(
          (x) => Number(x.value[1]) === 1 / essential.length,
        ),
      30_000,
    );
    const [labels] = await query(ready);
    expect(labels?.metric).toMatchObject({ opd: service.tenant, kind: "public", essential: "true" });

    // The fault: the namespace's quota admits no pod, and the service's pods are lost. The ReplicaSet
    // cannot replace them, the Deployment has no available replica, and the operator says so.
    await k.core.createNamespacedResourceQuota({
      namespace: NAMESPACE,
      body: { metadata: { name: QUOTA }, spec: { hard: { pods: "0" } } },
    });
    await waitFor(
      "the quota enforced",
      async () =>
        (await k.core.readNamespacedResourceQuota({ name: QUOTA, namespace: NAMESPACE })).status?.hard
          ?.pods === "0",
      60_000,
    );
    await k.core.deleteCollectionNamespacedPod({ namespace: NAMESPACE });
    const notReady = await waitFor(
      "the operator turning Ready False",
      async () => {
        const c = (await readSS())?.status?.conditions?.find((x) => x.type === "Ready");
        return c?.status === "False" ? c : undefined;
      },
      120_000,
    );
    expect(notReady.reason).toBe("Progressing");
    expect(notReady.message).toMatch(new RegExp(`^\\d+ of ${service.workload.replicas} replicas available`));
    const alert = `ALERTS{alertname="SmartServiceNotReady",alertstate="firing",name="${service.id}"}`;
    await waitFor("SmartServiceNotReady firing", async () => (await query(alert)).length === 1, 60_000);
    // The KPI comes from the exporter's scrape and a recording rule in another group than the alert's:
    // it follows within an evaluation or two, not necessarily by the time the alert fires.
    await waitFor(
      "the live KPI dropping to 0",
      async () => (await one("baubau:essential_public_services_online:ratio")) === 0,
      60_000,
    );
    const inAm = await inAlertmanager(
      "SmartServiceNotReady",
      (a) => a.labels.alertname === "SmartServiceNotReady" && a.labels.name === service.id,
    );
    expect(inAm?.labels).toMatchObject({ severity: "page", opd: service.tenant, namespace: NAMESPACE });
    expect(inAm?.receivers.map((r) => r.name)).toEqual(["noc-page", `opd-${service.tenant}-page`]);

    // Lifted: the ReplicaSet's next retry creates the pods, the operator turns Ready True, the alert clears.
    await k.core.deleteNamespacedResourceQuota({ name: QUOTA, namespace: NAMESPACE });
    await waitFor("the operator to make it Ready again", async () => isReady(await readSS()), 300_000);
    await waitFor(
      "SmartServiceNotReady resolved",
      async () => (await query(`ALERTS{alertname="SmartServiceNotReady",name="${service.id}"}`)).length === 0,
      60_000,
    );
  });

  it("Prometheus's operator series follow what the operator did: reconciles and logged errors counted, queue drained", async () => {
    const sample = async (expr: string) => (await query(expr)).map((x) => Number(x.value[1]));
    const job = `job="smartservice-operator"`;
    // Idle, and Prometheus has scraped the idle state: its figures equal the operator's own /metrics.
    const direct = async () => {
      const text = (await op.get("/metrics")).body;
      const line = (name: string) =>
        text
          .split("\n")
          .filter((l) => l.startsWith(name))
          .reduce((a, l) => a + Number(l.slice(l.lastIndexOf(" ") + 1)), 0);
      return { reconciles: line("controller_runtime_reconcile_total{"), adds: line("workqueue_adds_total{") };
    };
    await waitFor(
      "the operator idle and scraped",
      async () => {
        const [depth] = await sample(`sum(workqueue_depth{${job}})`);
        const [reconciles] = await sample(`sum(${RECONCILES})`);
        return depth === 0 && reconciles === (await direct()).reconciles;
      },
      60_000,
    );
    const reconciles = await one(`sum(${RECONCILES})`);
    // Create, the lost pods, the lifted quota: each a reconcile at least (status written each time).
    expect(reconciles - reconcilesBefore).toBeGreaterThanOrEqual(3);
    expect(await one(`sum(workqueue_adds_total{${job}})`)).toBe(reconciles);
    expect(await one(`sum(controller_runtime_reconcile_errors_total{${job}})`)).toBe(
      await one(`sum(controller_runtime_reconcile_total{${job},result="error"})`),
    );
    expect(await one(`sum(controller_runtime_active_workers{${job}})`)).toBe(0);
    expect(await one(`max(controller_runtime_max_concurrent_reconciles{${job}})`)).toBe(2);
    expect(await one(`leader_election_master_status{${job}}`)).toBe(1);
    // Errors happen on a healthy operator too (a status write that lost a race: 409 Conflict, retried):
    // every one it logged is counted, and none is counted that it did not log.
    const logged = op.logs.filter((l) => l.msg === "reconciler error").length;
    expect(await one(`sum(controller_runtime_reconcile_errors_total{${job}})`)).toBe(logged);
    // The queue's alerts and OperatorDown do not fire on a healthy operator.
    expect(
      await query(`ALERTS{alertname=~"OperatorWorkQueueGrowing|OperatorWorkQueueStalled|OperatorDown"}`),
    ).toEqual([]);
  });

  it("every dashboard query parses and returns data from this Prometheus (after the drills)", async () => {
    const empty: string[] = [];
    for (const d of dashboards()) {
      for (const p of d.panels) {
        for (const t of p.targets) {
          if ((await query(t.expr)).length === 0) empty.push(`${d.uid}#${p.id}${t.refId} ${t.expr}`);
        }
      }
    }
    expect(empty).toEqual([]);
  });

  it("the operator stopped fires OperatorDown, a ticket for the network's OPD", async () => {
    expect(await op.stop()).toBe(0);
    const down = `ALERTS{alertname="OperatorDown",alertstate="firing",instance="${op.address}"}`;
    await waitFor("OperatorDown firing", async () => (await query(down)).length === 1, 60_000);
    const inAm = await inAlertmanager("OperatorDown", (a) => a.labels.alertname === "OperatorDown");
    expect(inAm?.labels).toMatchObject({ severity: "ticket", job: "smartservice-operator" });
    expect(inAm?.receivers.map((r) => r.name)).toEqual([`opd-${inAm?.labels.opd}`]);
  });
});
