// The KPI exporter serves, over HTTP, exactly the figures model/ computes for the real inventory, under
// names `promtool check metrics` accepts; the service KPIs follow the catalog and, live, the SmartServices'
// Ready conditions; bad command lines and inventories stop it with a precise message.
import { execFile } from "node:child_process";
import { cpSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyseCoverage } from "../../../model/analyses/coverage.ts";
import { analyseDiversity } from "../../../model/analyses/diversity.ts";
import { analyseOptics } from "../../../model/analyses/optics.ts";
import { analyseTier2 } from "../../../model/analyses/tier2.ts";
import type { Inventory } from "../../../model/types.ts";
import { type Exporter, startExporter } from "../../../monitoring/exporter/app.ts";
import type { CatalogService, LiveService } from "../../../monitoring/exporter/services.ts";
import { ROOT, realInventory, scratch } from "./fixture.ts";

const run = promisify(execFile);

const CATALOG: CatalogService[] = [
  { id: "perizinan", tenant: "dpmptsp", kind: "public", essential: true, status: "online" },
  { id: "pengaduan", tenant: "diskominfo", kind: "public", essential: true, status: "pilot" },
  { id: "dukcapil-online", tenant: "dukcapil", kind: "public", essential: true, status: "planned" },
  { id: "old-portal", tenant: "diskominfo", kind: "public", essential: true, status: "retired" },
  { id: "portal-informasi", tenant: "diskominfo", kind: "public", essential: false, status: "online" },
  { id: "e-office", tenant: "setda", kind: "internal", essential: true, status: "online" },
  { id: "e-kinerja", tenant: "bkpsdm", kind: "internal", essential: false, status: "pilot" },
];

let inventory: Inventory;
let exporter: Exporter;
let cluster: LiveService[] | Error = [];
type Series = Map<string, number>;

/** name{k="v",...} → value, labels sorted, from prom-client's own view of what it serves. */
async function series(): Promise<Series> {
  const out: Series = new Map();
  for (const m of await exporter.registry.registry.getMetricsAsJSON()) {
    for (const v of m.values) {
      const labels = Object.entries(v.labels).sort(([a], [b]) => (a < b ? -1 : 1));
      out.set(`${m.name}{${labels.map(([k, x]) => `${k}="${x}"`).join(",")}}`, v.value);
    }
  }
  return out;
}

beforeAll(async () => {
  inventory = (await realInventory()).inventory;
  exporter = await startExporter({
    inventory,
    catalog: CATALOG,
    listSmartServices: async () => {
      if (cluster instanceof Error) throw cluster;
      return cluster;
    },
    pollIntervalMs: 60_000,
    log: () => {},
  });
});
afterAll(() => exporter.close());

describe("KPI exporter: the model's figures", () => {
  it("serves /metrics whose baubau_ families pass promtool check metrics", async () => {
    const res = await fetch(`${exporter.url}/metrics`);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    const ours = text
      .split("\n")
      .filter((l) => /^(# (HELP|TYPE) )?baubau_/.test(l))
      .join("\n");
    expect(ours).toContain("baubau_fiber_target_coverage_ratio");
    const dir = scratch("metrics");
    writeFileSync(join(dir, "metrics.txt"), `${ours}\n`);
    const r = await run("sh", ["-c", `promtool check metrics < ${join(dir, "metrics.txt")}`]).then(
      (x) => ({ ok: true, out: x.stdout + x.stderr }),
      (e: { stdout?: string; stderr?: string }) => ({ ok: false, out: `${e.stdout}${e.stderr}` }),
    );
    rmSync(dir, { recursive: true });
    expect(r.out).toBe("");
    expect(r.ok).toBe(true);
  });

  it("fiber coverage per target, category and kecamatan equals analyseCoverage", async () => {
    const s = await series();
    const coverage = analyseCoverage(inventory);
    expect(coverage.targets.length).toBeGreaterThan(0);
    for (const t of coverage.targets) {
      for (const [scope, c] of [
        ["all", t.all],
        ["without-province", t.withoutProvince],
      ] as const) {
        const l = `{scope="${scope}",target="${t.targetId}"}`;
        expect(s.get(`baubau_fiber_target_coverage_ratio${l}`)).toBe(c.ratio);
        expect(s.get(`baubau_fiber_target_covered_sites${l}`)).toBe(c.covered);
        expect(s.get(`baubau_fiber_target_in_scope_sites${l}`)).toBe(c.inScope);
        expect(s.get(`baubau_fiber_target_gap_sites${l}`)).toBe(c.gap);
      }
      for (const c of t.byCategory) {
        expect(
          s.get(
            `baubau_fiber_target_category_coverage_ratio{category="${c.category}",target="${t.targetId}"}`,
          ),
        ).toBe(c.ratio);
      }
    }
    for (const g of coverage.byKecamatan)
      expect(s.get(`baubau_fiber_kecamatan_coverage_ratio{kecamatan="${g.key}"}`)).toBe(g.ratio);
    for (const g of coverage.byCategory)
      expect(s.get(`baubau_fiber_category_coverage_ratio{category="${g.key}"}`)).toBe(g.ratio);
    // The headline target: 70% by the end of 2028, its phase (I) starting 2025-01-01.
    expect(s.get('baubau_fiber_target_goal_ratio{target="fiber-phase-1"}')).toBe(0.7);
    expect(s.get('baubau_fiber_target_deadline_timestamp_seconds{target="fiber-phase-1"}')).toBe(
      Date.UTC(2028, 11, 31) / 1000,
    );
    expect(s.get('baubau_fiber_target_start_timestamp_seconds{target="fiber-phase-1"}')).toBe(
      Date.UTC(2025, 0, 1) / 1000,
    );
  });

  it("N+1 per class, headroom and fuel autonomy equal analyseTier2", async () => {
    const s = await series();
    const tier2 = analyseTier2(inventory.datacenter);
    for (const c of tier2.classes) {
      expect(s.get(`baubau_datacenter_n_plus_one{class="${c.class}"}`)).toBe(c.ok ? 1 : 0);
      expect(s.get(`baubau_datacenter_operational_units{class="${c.class}"}`)).toBe(c.actual);
      expect(s.get(`baubau_datacenter_required_units{class="${c.class}"}`)).toBe(c.required);
      if (c.applicable)
        expect(s.get(`baubau_datacenter_headroom_ratio{class="${c.class}"}`)).toBeCloseTo(
          c.capacityOneOut / c.demand - 1,
          12,
        );
    }
    expect(s.get('baubau_datacenter_fuel_autonomy_seconds{view="one-tank-out"}')).toBeCloseTo(
      tier2.fuel.hoursOneTankOut * 3600,
      6,
    );
    expect(s.get("baubau_datacenter_fuel_required_autonomy_seconds{}")).toBe(tier2.fuel.requiredHours * 3600);
    for (const c of inventory.datacenter.components.filter((x) => x.status !== "planned")) {
      expect(s.get(`baubau_datacenter_component_up{class="${c.class}",component="${c.id}"}`)).toBe(
        c.status === "operational" ? 1 : 0,
      );
    }
  });

  it("sites and links by status, cut-off counts, link margins and provenance equal the inventory and analyses", async () => {
    const s = await series();
    const sum = (prefix: string) =>
      [...s].filter(([k]) => k.startsWith(prefix)).reduce((t, [, v]) => t + v, 0);
    expect(sum("baubau_sites{")).toBe(inventory.sites.length);
    expect(sum("baubau_links{")).toBe(inventory.links.length);
    const operationalSchools = inventory.sites.filter(
      (x) => x.category === "school" && x.connection.status === "operational",
    );
    expect(s.get('baubau_sites{category="school",status="operational"}')).toBe(operationalSchools.length);
    for (const v of analyseDiversity(inventory).cutVertices)
      expect(s.get(`baubau_site_cut_off_sites{site="${v.siteId}"}`)).toBe(v.sitesCutOff);
    for (const l of analyseOptics(inventory).links) {
      expect(
        s.get(
          `baubau_link_optical_margin_decibels{link="${l.linkId}",status="${l.status}",tier="${l.tier}"}`,
        ),
      ).toBe(l.marginDb);
    }
    const estimates = inventory.sites.filter((x) => x.provenance.illustrative).length;
    expect(s.get('baubau_inventory_records{kind="site",provenance="estimate"}')).toBe(estimates || undefined);
    expect(sum("baubau_inventory_records{")).toBe(
      2 +
        inventory.tenants.length +
        inventory.targets.length +
        inventory.sites.length +
        inventory.links.length,
    );
  });
});

describe("KPI exporter: services", () => {
  it("counts the catalog: online over not retired", async () => {
    const s = await series();
    // Essential public, not retired: perizinan (online), pengaduan (pilot), dukcapil-online (planned).
    expect(s.get('baubau_essential_public_services_online_ratio{source="catalog"}')).toBeCloseTo(1 / 3, 12);
    // Internal: e-office (online), e-kinerja (pilot).
    expect(s.get("baubau_internal_admin_services_digitised_ratio{}")).toBe(0.5);
    expect(s.get('baubau_catalog_services{essential="true",kind="public",status="retired"}')).toBe(1);
  });

  it("follows the SmartServices' Ready conditions on each poll, and falls back to the catalog when the cluster cannot be read", async () => {
    cluster = [
      { namespace: "dpmptsp", name: "perizinan", ready: true },
      { namespace: "kominfo", name: "pengaduan", ready: true },
    ];
    await exporter.poll();
    let s = await series();
    expect(s.get('baubau_essential_public_services_online_ratio{source="cluster"}')).toBeCloseTo(2 / 3, 12);
    expect(
      s.get(
        'baubau_smart_service_ready{essential="true",kind="public",name="pengaduan",namespace="kominfo",opd="diskominfo"}',
      ),
    ).toBe(1);

    cluster = [
      { namespace: "dpmptsp", name: "perizinan", ready: false },
      { namespace: "kominfo", name: "pengaduan", ready: true },
    ];
    await exporter.poll();
    s = await series();
    expect(s.get('baubau_essential_public_services_online_ratio{source="cluster"}')).toBeCloseTo(1 / 3, 12);
    expect(
      s.get(
        'baubau_smart_service_ready{essential="true",kind="public",name="perizinan",namespace="dpmptsp",opd="dpmptsp"}',
      ),
    ).toBe(0);
    expect(s.get("baubau_smart_service_list_success{}")).toBe(1);

    cluster = new Error("connect ECONNREFUSED 127.0.0.1:1");
    await exporter.poll();
    s = await series();
    expect(s.has('baubau_essential_public_services_online_ratio{source="cluster"}')).toBe(false);
    expect(s.get('baubau_essential_public_services_online_ratio{source="catalog"}')).toBeCloseTo(1 / 3, 12);
    expect(s.get("baubau_smart_service_list_success{}")).toBe(0);
  });
});

describe("KPI exporter: the real catalog", () => {
  it("publishes the two service KPIs as inventory/README.md defines them", async () => {
    const real = await startExporter({
      inventory,
      catalog: inventory.services,
      processMetrics: false,
      log: () => {},
    });
    const text = await (await fetch(`${real.url}/metrics`)).text();
    await real.close();
    const value = (line: string) =>
      Number(
        text
          .split("\n")
          .find((l) => l.startsWith(line))
          ?.slice(line.length + 1),
      );
    const notRetired = inventory.services.filter((x) => x.status !== "retired");
    const essential = notRetired.filter((x) => x.kind === "public" && x.essential);
    const internal = notRetired.filter((x) => x.kind === "internal");
    expect(essential.length).toBeGreaterThan(0);
    expect(value('baubau_essential_public_services_online_ratio{source="catalog"}')).toBe(
      essential.filter((x) => x.status === "online").length / essential.length,
    );
    expect(value("baubau_internal_admin_services_digitised_ratio")).toBe(
      internal.filter((x) => x.status === "online").length / internal.length,
    );
  });
});

describe("KPI exporter: bad input", () => {
  const main = join(ROOT, "monitoring/exporter/main.ts");
  const tsx = join(ROOT, "node_modules/tsx/dist/cli.mjs");
  const exporterRun = (args: string[]) =>
    run(process.execPath, [tsx, main, ...args], { cwd: ROOT }).then(
      () => ({ code: 0, err: "" }),
      (e: { code?: number; stderr?: string }) => ({ code: e.code, err: e.stderr ?? "" }),
    );

  it("refuses to listen beyond loopback", { timeout: 30_000 }, async () => {
    const r = await exporterRun(["--listen", "0.0.0.0:9464"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--listen 0.0.0.0:9464: expected 127.x.y.z:port");
    // In a pod 0.0.0.0 is admitted (charts/monitoring-layer.ts), but still no other address.
    const inPod = await exporterRun(["--in-pod", "--listen", "10.1.2.3:9464"]);
    expect(inPod.code).toBe(2);
    expect(inPod.err).toContain("0.0.0.0:port only with --in-pod");
  });

  it("serves nothing for an inventory with problems, naming file and line", { timeout: 30_000 }, async () => {
    const dir = scratch("bad-inventory");
    cpSync(join(ROOT, "inventory"), dir, { recursive: true });
    writeFileSync(
      join(dir, "targets.yaml"),
      "targets:\n  - id: x\n    measure: fiber-coverage\n    ratio: 7\n",
    );
    const r = await exporterRun(["--inventory", dir, "--listen", "127.0.0.1:0"]);
    rmSync(dir, { recursive: true });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/targets\.yaml:\d+:\d+/);
    expect(r.err).toContain("has problems; nothing is served");
  });
});
