import { describe, expect, it } from "vitest";
import { distanceKm } from "../../../model/analyses/geo.ts";
import { buildOperationalNetwork } from "../../../model/analyses/network.ts";
import { planRollout } from "../../../model/analyses/planner.ts";
import type { Site } from "../../../model/types.ts";
import { core, inventory, link, site, target } from "./fixtures.ts";

// Sites on one meridian, k hundredths of a degree south of -5.40: k units apart, where one unit is
// 6371 km × 0.01° × π/180 = 1.111949 km (geokdbush's Earth radius).
const UNIT = (6371 * 0.01 * Math.PI) / 180;
const at = (k: number) => ({ lat: -5.4 - 0.01 * k, lon: 122.6 });
const AERIAL = 1.3 * 80_000_000; // Rp per straight-line km: route factor × aerial cost
const UNDERGROUND = 1.3 * 250_000_000;

function schools(extra: Partial<Parameters<typeof inventory>[0]> = {}) {
  // core-a at 0; c1 (covered) at 20; uncovered s1 at 1, s2 at 3, s4 at 12, s3 at 24.
  // 5 schools in scope, 1 covered; 60% needs ceil(3) = 3 → 2 more.
  const sites: Site[] = [
    core("core-a", { location: at(0) }),
    site("c1", { location: at(20) }),
    site("s1", { location: at(1), connection: { status: "planned", medium: "fiber" } }),
    site("s2", { location: at(3), connection: { status: "planned", medium: "fiber" } }),
    site("s3", { location: at(24), connection: { status: "planned", medium: "fiber" } }),
    site("s4", { location: at(12), connection: { status: "planned", medium: "fiber" } }),
  ];
  return inventory({
    sites,
    links: [link("core-a", "c1")],
    targets: [target("t", { categories: ["school"], authorities: ["city"], ratio: 0.6 })],
    ...extra,
  });
}

describe("rollout planner", () => {
  it("uses the unit the tests assume", () => {
    expect(distanceKm(at(0), at(3))).toBeCloseTo(3 * UNIT, 9);
  });

  it("connects the cheapest sites first, building on sites connected earlier", () => {
    const r = planRollout(schools());
    // step 1: s1, 1 unit from core-a. Then s2 is 2 units from s1 (was 3 from core-a) and wins over
    // s3 (4 units from c1) and s4 (8 units from c1).
    expect(r.steps.map((s) => [s.siteId, s.connectTo])).toEqual([
      ["s1", "core-a"],
      ["s2", "s1"],
    ]);
    expect(r.steps[0]?.cost).toBeCloseTo(1 * UNIT * AERIAL, 0);
    expect(r.steps[1]?.routeKm).toBeCloseTo(2 * UNIT * 1.3, 9);
    expect(r.totalCost).toBeCloseTo(3 * UNIT * AERIAL, 0);
    expect(r.steps.map((s) => s.covered)).toEqual([[2], [3]]);
    expect(r.goals).toMatchObject([
      {
        key: "t/school",
        inScope: 5,
        coveredBefore: 1,
        needBefore: 2,
        coveredAfter: 3,
        needAfter: 0,
        met: true,
        steps: 2,
      },
    ]);
    expect(r.allMet).toBe(true);
  });

  it("prices a site by the deployment of the link planned to it", () => {
    // s2's planned link is underground: 2 units × 250 = 500 against s3's 4 units × 80 = 320
    const inv = schools();
    inv.links.push(link("c1", "s2", { status: "planned", deployment: "underground" }));
    const r = planRollout(inv);
    expect(r.steps.map((s) => [s.siteId, s.deployment])).toEqual([
      ["s1", "aerial"],
      ["s3", "aerial"],
    ]);
    expect(r.steps[1]?.cost).toBeCloseTo(4 * UNIT * AERIAL, 0);
    // with the underground price lowered to 150, s2 is back: 2 × 150 = 300 < 320
    const cheap = planRollout(inv, { costPerKm: { aerial: 80_000_000, underground: 150_000_000 } });
    expect(cheap.steps.map((s) => s.siteId)).toEqual(["s1", "s2"]);
    expect(UNDERGROUND).toBeGreaterThan(AERIAL);
  });

  it("takes the deployment of the drawn link with the smallest id; operational and decommissioned links do not count", () => {
    const inv = schools();
    inv.links.push(
      link("c1", "s2", { id: "z-late", status: "planned", deployment: "aerial" }),
      link("c1", "s2", { id: "m-middle", status: "proposed", deployment: "underground" }),
      link("c1", "s2", { id: "a-gone", status: "decommissioned", deployment: "aerial" }),
    );
    const cheap = { costPerKm: { aerial: 80_000_000, underground: 150_000_000 } };
    expect(planRollout(inv, cheap).steps.find((s) => s.siteId === "s2")?.deployment).toBe("underground");
  });

  it("prefers a site that advances two goals at once", () => {
    // province school p: 1 unit, 1 goal → 1 per goal; city school q: 1.5 units, 2 goals → 0.75
    const inv = inventory({
      sites: [
        core("core-a", { location: at(0) }),
        site("p", {
          authority: "province",
          level: "SMA",
          location: at(1),
          connection: { status: "planned", medium: "fiber" },
        }),
        site("q", { location: at(-1.5), connection: { status: "planned", medium: "fiber" } }),
      ],
      targets: [
        target("all", { categories: ["school"], authorities: ["city", "province"], ratio: 0.5 }),
        target("city", { categories: ["school"], authorities: ["city"], ratio: 1 }),
      ],
    });
    const r = planRollout(inv);
    // all/school: 2 in scope, need 1; city/school: 1 in scope, need 1. q meets both in one step.
    expect(r.steps.map((s) => [s.siteId, s.advances])).toEqual([["q", ["all/school", "city/school"]]]);
    expect(r.goals.map((g) => g.key)).toEqual(["all/school", "city/school"]);
    for (const g of r.goals) expect(g.cost).toBeCloseTo((1.5 * UNIT * AERIAL) / 2, 0);
  });

  it("reports goals it cannot meet and plans nothing when nothing is connected", () => {
    const short = planRollout(
      schools({
        targets: [target("t", { categories: ["school", "puskesmas"], authorities: ["city"], ratio: 1 })],
      }),
    );
    // puskesmas: none in scope → met trivially; schools: all 4 uncovered get connected
    expect(short.steps).toHaveLength(4);
    expect(short.allMet).toBe(true);
    const noCore = schools();
    noCore.sites = noCore.sites.filter((s) => s.id !== "core-a");
    const r = planRollout(noCore);
    expect(r.steps).toEqual([]);
    expect(r.blocked).toMatch(/nothing to build from/);
    expect(r.allMet).toBe(false);
    expect(r.goals[0]).toMatchObject({ needBefore: 3, needAfter: 3, met: false });
  });

  it("plans nothing when every target is already met", () => {
    const r = planRollout(
      schools({ targets: [target("t", { categories: ["school"], authorities: ["city"], ratio: 0.2 })] }),
    );
    expect(r).toMatchObject({ steps: [], totalCost: 0, allMet: true, blocked: null });
  });

  it("plans the same from the network the caller built as on its own", () => {
    const inv = randomCity(3, 400);
    const own = planRollout(inv);
    expect(own.steps.length).toBeGreaterThan(10);
    expect(planRollout(inv, {}, buildOperationalNetwork(inv.sites, inv.links))).toEqual(own);
  });

  it("matches a brute-force greedy on random cities", () => {
    for (let seed = 1; seed <= 5; seed++) {
      const inv = randomCity(seed, 250);
      const fast = planRollout(inv).steps.map((s) => s.siteId);
      expect(fast).toEqual(bruteForce(inv));
    }
  });

  // Speed is the benchmark's business (bench/pipeline.ts); this checks a large plan completes and meets
  // every goal.
  it("plans 100k sites to every goal", () => {
    const inv = randomCity(42, 100_000);
    const r = planRollout(inv);
    expect(r.allMet).toBe(true);
    expect(r.steps.length).toBeGreaterThan(30_000);
  }, 120_000);
});

function randomCity(seed: number, n: number) {
  let x = seed;
  const rand = () => {
    // mulberry32: a plain LCG in float arithmetic loses bits and lays points on a lattice
    x = (x + 0x6d2b79f5) | 0;
    let t = Math.imul(x ^ (x >>> 15), 1 | x);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const sites: Site[] = [
    core("core-a", { location: { lat: -5.47, lon: 122.6 } }),
    core("core-b", { location: { lat: -5.35, lon: 122.7 } }),
  ];
  for (let i = 0; i < n; i++) {
    const covered = rand() < 0.1;
    sites.push(
      site(`s${i.toString().padStart(6, "0")}`, {
        category: rand() < 0.8 ? "school" : "puskesmas",
        location: { lat: -5.54 + rand() * 0.235, lon: 122.55 + rand() * 0.225 },
        connection: { status: covered ? "operational" : "planned", medium: "fiber" },
      }),
    );
  }
  const links = sites
    .filter((s) => s.category !== "core" && s.connection.status === "operational")
    .map((s) => link("core-a", s.id));
  return inventory({
    sites,
    links,
    targets: [target("t", { categories: ["school", "puskesmas"], authorities: ["city"], ratio: 0.5 })],
  });
}

/** O(n²) reference: recompute every candidate's nearest connected node at every step. */
function bruteForce(inv: ReturnType<typeof inventory>): string[] {
  const t = inv.targets[0];
  if (!t) return [];
  const connectedIds = new Set(["core-a", "core-b", ...inv.links.map((l) => l.b)]);
  const connected = inv.sites.filter((s) => connectedIds.has(s.id));
  const need = new Map<string, number>();
  for (const c of t.categories) {
    const scope = inv.sites.filter((s) => s.category === c);
    need.set(
      c,
      Math.max(
        0,
        Math.ceil(t.ratio * scope.length - 1e-9) - scope.filter((s) => connectedIds.has(s.id)).length,
      ),
    );
  }
  const open = inv.sites
    .filter((s) => !connectedIds.has(s.id) && (need.get(s.category) ?? 0) > 0)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const order: string[] = [];
  while ([...need.values()].some((v) => v > 0)) {
    let best: Site | undefined;
    let bestCost = Infinity;
    for (const s of open) {
      if (order.includes(s.id) || (need.get(s.category) ?? 0) === 0) continue;
      const d = Math.min(...connected.map((c) => distanceKm(s.location, c.location)));
      if (d < bestCost) {
        bestCost = d;
        best = s;
      }
    }
    if (!best) break;
    order.push(best.id);
    connected.push(best);
    need.set(best.category, (need.get(best.category) ?? 0) - 1);
  }
  return order;
}
