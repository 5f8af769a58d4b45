// End to end on the twin: the real Prometheus, Alertmanager and blackbox exporter run on 127.0.0.1 with
// the configs generated from the model; Prometheus scrapes the KPI exporter and the twin's API servers
// and probes every operational site's stand-in. Its query results equal what model/ computes; stopping
// a school's stand-in fires SiteUnreachable, routed to the school's OPD; stopping a PoP that cuts sites
// off pages PopDown, and Alertmanager inhibits the PoP's own SiteUnreachable; a SmartService whose
// Ready condition turns False pages its owner through SmartServiceNotReady. The operator does not run
// here: the test writes the SmartService's status itself (as the operator would), and installs a
// minimal SmartService CRD only when the cluster has none, removing what it created.
import { join } from "node:path";
import { ApiextensionsV1Api, CoreV1Api, CustomObjectsApi, KubeConfig } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyseCoverage } from "../../model/analyses/coverage.ts";
import { analyseDiversity } from "../../model/analyses/diversity.ts";
import { analyseTier2 } from "../../model/analyses/tier2.ts";
import { loadInventory } from "../../model/load/index.ts";
import type { Inventory } from "../../model/types.ts";
import { dashboards } from "../../monitoring/dashboards/index.ts";
import { SMART_SERVICE } from "../../monitoring/exporter/cluster.ts";
import { serviceKpis } from "../../monitoring/exporter/services.ts";
import { waitFor } from "../../monitoring/local/processes.ts";
import {
  downMonitoring,
  type MonitoringState,
  removeState,
  setSite,
  upMonitoring,
} from "../../monitoring/local/stack.ts";
import { ROOT } from "../../toolchain/paths.ts";
import { paths } from "../../twin/kwok.ts";
import { planTwin } from "../../twin/plan.ts";

const dir = join(ROOT, ".monitoring-it");
let state: MonitoringState;
let inventory: Inventory;
let kube: { custom: CustomObjectsApi; core: CoreV1Api; crds: ApiextensionsV1Api };
let createdCrd = false;
const NAMESPACE = "monitoring-it";
const CRD_NAME = `${SMART_SERVICE.plural}.${SMART_SERVICE.group}`;

async function ensureSmartServiceCrd(): Promise<void> {
  const exists = await kube.crds.readCustomResourceDefinition({ name: CRD_NAME }).then(
    () => true,
    () => false,
  );
  if (exists) return;
  // client-node serialises typed models by their TypeScript names (x_kubernetes_…), dropping JSON spellings.
  const open = { type: "object", x_kubernetes_preserve_unknown_fields: true };
  await kube.crds.createCustomResourceDefinition({
    body: {
      metadata: { name: CRD_NAME, labels: { "app.kubernetes.io/managed-by": "monitoring-it" } },
      spec: {
        group: SMART_SERVICE.group,
        scope: "Namespaced",
        names: { plural: SMART_SERVICE.plural, singular: "smartservice", kind: "SmartService" },
        versions: [
          {
            name: SMART_SERVICE.version,
            served: true,
            storage: true,
            subresources: { status: {} },
            schema: { openAPIV3Schema: { type: "object", properties: { spec: open, status: open } } },
          },
        ],
      },
    },
  });
  createdCrd = true;
  await waitFor(
    "the SmartService CRD established",
    async () =>
      (await kube.crds.readCustomResourceDefinition({ name: CRD_NAME })).status?.conditions?.some(
        (c) => c.type === "Established" && c.status === "True",
      ) ?? false,
    30_000,
  );
}

async function setReady(name: string, ready: boolean): Promise<void> {
  const ref = { ...SMART_SERVICE, namespace: NAMESPACE, name };
  const current = (await kube.custom.getNamespacedCustomObject(ref)) as Record<string, unknown>;
  const condition = ready
    ? { type: "Ready", status: "True", reason: "Available", message: "all replicas available" }
    : { type: "Ready", status: "False", reason: "ProgressDeadlineExceeded", message: "rollout stalled" };
  await kube.custom.replaceNamespacedCustomObjectStatus({
    ...ref,
    body: {
      ...current,
      status: { conditions: [{ ...condition, lastTransitionTime: new Date().toISOString() }] },
    },
  });
}

interface PromSample {
  metric: Record<string, string>;
  value: [number, string];
}

async function query(expr: string): Promise<PromSample[]> {
  const res = await fetch(`${state.urls.prometheus}/api/v1/query?query=${encodeURIComponent(expr)}`);
  const body = (await res.json()) as { status: string; data: { result: PromSample[] }; error?: string };
  if (body.status !== "success") throw new Error(`${expr}: ${body.error}`);
  return body.data.result;
}

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

const firing = (alert: string, site: string) =>
  `ALERTS{alertname="${alert}",alertstate="firing",site="${site}"}`;

beforeAll(async () => {
  const loaded = await loadInventory(join(ROOT, "inventory"));
  if (!loaded.ok) throw new Error("inventory has problems");
  inventory = loaded.inventory;
  const clusters = planTwin(inventory.datacenter).map((c) => c.name);
  const kc = new KubeConfig();
  kc.loadFromFile(paths.kubeconfig("dc-prod"));
  kube = {
    custom: kc.makeApiClient(CustomObjectsApi),
    core: kc.makeApiClient(CoreV1Api),
    crds: kc.makeApiClient(ApiextensionsV1Api),
  };
  await ensureSmartServiceCrd();
  await kube.core.createNamespace({ body: { metadata: { name: NAMESPACE } } }).catch(() => undefined);
  await downMonitoring(dir);
  removeState(dir);
  state = await upMonitoring({
    dir,
    inventoryDir: join(ROOT, "inventory"),
    kubeconfigs: Object.fromEntries(clusters.map((c) => [c, paths.kubeconfig(c)])),
    servicesCluster: "dc-prod",
    scrapeInterval: "1s",
    forScale: 0.02,
  });
  // Every site answered its probe and every API server a scrape: the stack sees the whole twin.
  await waitFor(
    "every site probe and API server up",
    async () =>
      (await query(`probe_success{job="site-probe"} == 1`)).length === state.sites.length &&
      (await query(`up{job="kubernetes-apiservers"} == 1`)).length === clusters.length &&
      (await query(`target:baubau_fiber_coverage:ratio`)).length > 0 &&
      (await query("baubau:tier2_availability_errors:ratio_rate3d")).length === 1 &&
      (await query("baubau_smart_service_list_success")).length === 1,
    60_000,
  );
});

afterAll(async () => {
  if (state) await downMonitoring(dir);
  removeState(dir);
  if (kube) {
    await kube.core.deleteNamespace({ name: NAMESPACE }).catch(() => undefined);
    if (createdCrd) await kube.crds.deleteCustomResourceDefinition({ name: CRD_NAME });
  }
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
    await setSite(state, site.site, "down");
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
    await waitFor(
      "SiteUnreachable in Alertmanager",
      async () =>
        (await amAlerts()).some(
          (a) => a.labels.alertname === "SiteUnreachable" && a.labels.site === site.site,
        ),
      60_000,
    );
    const inAm = (await amAlerts()).find((a) => a.labels.site === site.site);
    expect(inAm?.receivers.map((r) => r.name)).toEqual([`opd-${site.opd}`]);
    expect(inAm?.status.state).toBe("active");

    await setSite(state, site.site, "up");
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
    await setSite(state, cut.siteId, "down");
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
    await setSite(state, cut.siteId, "up");
  });

  it("a SmartService whose Ready turns False pages its owner OPD, and the live KPI follows its condition", async () => {
    const service = inventory.services.find(
      (x) => x.kind === "public" && x.essential && x.status === "online",
    );
    if (!service) throw new Error("the catalog has no online essential public service");
    const essential = inventory.services.filter(
      (x) => x.kind === "public" && x.essential && x.status !== "retired",
    );
    await kube.custom.createNamespacedCustomObject({
      ...SMART_SERVICE,
      namespace: NAMESPACE,
      body: {
        apiVersion: `${SMART_SERVICE.group}/${SMART_SERVICE.version}`,
        kind: "SmartService",
        metadata: { name: service.id, namespace: NAMESPACE },
        spec: service,
      },
    });
    await setReady(service.id, true);
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

    await setReady(service.id, false);
    const alert = `ALERTS{alertname="SmartServiceNotReady",alertstate="firing",name="${service.id}"}`;
    await waitFor("SmartServiceNotReady firing", async () => (await query(alert)).length === 1, 60_000);
    expect(await one("baubau:essential_public_services_online:ratio")).toBe(0);
    await waitFor(
      "SmartServiceNotReady in Alertmanager",
      async () =>
        (await amAlerts()).some(
          (a) => a.labels.alertname === "SmartServiceNotReady" && a.labels.name === service.id,
        ),
      60_000,
    );
    const inAm = (await amAlerts()).find(
      (a) => a.labels.alertname === "SmartServiceNotReady" && a.labels.name === service.id,
    );
    expect(inAm?.labels).toMatchObject({ severity: "page", opd: service.tenant, namespace: NAMESPACE });
    expect(inAm?.receivers.map((r) => r.name)).toEqual(["noc-page", `opd-${service.tenant}-page`]);
  });

  it("every dashboard query parses and returns data from this Prometheus (after the drills)", async () => {
    const empty: string[] = [];
    for (const d of dashboards()) {
      for (const p of d.panels) {
        for (const t of p.targets) {
          // The operator's own metrics: it does not run here (this file writes SmartService status itself).
          if (d.uid === "baubau-operator") continue;
          if ((await query(t.expr)).length === 0) empty.push(`${d.uid}#${p.id}${t.refId} ${t.expr}`);
        }
      }
    }
    expect(empty).toEqual([]);
  });
});
