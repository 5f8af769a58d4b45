import { describe, expect, it } from "vitest";
import { analyseCoverage } from "../../../model/analyses/coverage.ts";
import { sitesNeeded } from "../../../model/analyses/scope.ts";
import { core, inventory, link, pop, site, target } from "./fixtures.ts";

// core-a ── pop-w ── s1 ── s6          covered: s1, s6 (via s1), s7
//             ├─ s7 (kelurahan office, not in the target's categories)
//             └╌ s2 (link decommissioned → no core path)
// pop-x ── s5  (an island: no operational path to a core)
// s3 planned, s4 on wireless
const inv = inventory({
  sites: [
    core("core-a"),
    pop("pop-w"),
    pop("pop-x", { kecamatan: "bungi" }),
    site("s1"),
    site("s2", { authority: "province", level: "SMA" }),
    site("s3", {
      category: "puskesmas",
      kecamatan: "bungi",
      connection: { status: "planned", medium: "fiber" },
    }),
    site("s4", {
      category: "opd",
      kecamatan: "bungi",
      connection: { status: "operational", medium: "wireless" },
    }),
    site("s5", { category: "opd", kecamatan: "bungi" }),
    site("s6", { kecamatan: "bungi" }),
    site("s7", { category: "kelurahan-office" }),
  ],
  links: [
    link("core-a", "pop-w", { tier: "distribution" }),
    link("pop-w", "s1"),
    link("pop-w", "s2", { status: "decommissioned" }),
    link("pop-w", "s3", { status: "planned" }),
    link("pop-w", "s7"),
    link("pop-x", "s5"),
    link("s1", "s6"),
  ],
  targets: [target("t1")],
});

describe("coverage", () => {
  const result = analyseCoverage(inv);
  const reason = (id: string) => result.sites.find((s) => s.siteId === id)?.reason;

  it("classifies each site by the first failing check", () => {
    expect(reason("s1")).toBe("covered");
    expect(reason("s6")).toBe("covered"); // through s1: any operational path counts
    expect(reason("s2")).toBe("no-core-path"); // only link decommissioned
    expect(reason("s3")).toBe("not-operational");
    expect(reason("s4")).toBe("not-fiber");
    expect(reason("s5")).toBe("no-core-path"); // pop-x is not joined to a core
    expect(reason("core-a")).toBe("covered");
    expect(result.sites.map((s) => s.siteId)).toEqual([...result.sites.map((s) => s.siteId)].sort());
  });

  it("summarises served sites by category, kecamatan and authority", () => {
    // served = s1..s7 (7), covered s1, s6, s7 (3); without province s2 drops out: 3/6.
    expect(result.served).toEqual({ inScope: 7, covered: 3, ratio: 3 / 7 });
    expect(result.servedWithoutProvince).toEqual({ inScope: 6, covered: 3, ratio: 0.5 });
    // bungi: s3 s4 s5 s6 → 1/4; wolio: s1 s2 s7 → 2/3
    expect(result.byKecamatan).toEqual([
      { key: "bungi", inScope: 4, covered: 1, ratio: 0.25 },
      { key: "wolio", inScope: 3, covered: 2, ratio: 2 / 3 },
    ]);
    expect(result.byAuthority).toEqual([
      { key: "city", inScope: 6, covered: 3, ratio: 0.5 },
      { key: "province", inScope: 1, covered: 0, ratio: 0 },
    ]);
    expect(result.byCategory.map((g) => [g.key, g.covered, g.inScope])).toEqual([
      ["kelurahan-office", 1, 1],
      ["opd", 0, 2],
      ["puskesmas", 0, 1],
      ["school", 2, 3],
    ]);
  });

  it("measures each target with and without province-run schools", () => {
    const t = result.targets[0];
    // in scope: s1..s6 (6); covered s1, s6 = 2; need ceil(0.7 × 6 = 4.2) = 5 → gap 3
    expect(t?.all).toMatchObject({
      inScope: 6,
      covered: 2,
      gap: 3,
      meetsTarget: false,
      missing: ["s2", "s3", "s4", "s5"],
    });
    // without s2: 5 in scope, need ceil(3.5) = 4 → gap 2
    expect(t?.withoutProvince).toMatchObject({ inScope: 5, covered: 2, gap: 2, missing: ["s3", "s4", "s5"] });
    // opd: s4 s5 → need ceil(1.4) = 2; puskesmas s3 → ceil(0.7) = 1; school s1 s2 s6 → ceil(2.1) = 3, have 2
    expect(t?.byCategory.map((c) => [c.category, c.covered, c.inScope, c.gap])).toEqual([
      ["opd", 0, 2, 2],
      ["puskesmas", 0, 1, 1],
      ["school", 2, 3, 1],
    ]);
  });

  it("counts a site reached only through a second core", () => {
    const two = inventory({
      sites: [core("core-a"), core("core-b"), site("s1"), site("s2")],
      links: [link("core-b", "s1"), link("s1", "s2", { status: "inactive" })],
      targets: [target("t", { categories: ["school"], ratio: 0.5 })],
    });
    const r = analyseCoverage(two);
    expect(r.targets[0]?.all).toMatchObject({
      inScope: 2,
      covered: 1,
      ratio: 0.5,
      gap: 0,
      meetsTarget: true,
    });
  });

  it("needs the core itself to be operational", () => {
    const planned = inventory({
      sites: [core("core-a", { connection: { status: "planned", medium: "fiber" } }), site("s1")],
      links: [link("core-a", "s1")],
      targets: [target("t", { categories: ["school"] })],
    });
    const r = analyseCoverage(planned);
    expect(r.sites.map((s) => [s.siteId, s.reason])).toEqual([
      ["core-a", "not-operational"],
      ["s1", "no-core-path"],
    ]);
  });

  it("does not round a met target up through float noise", () => {
    // 0.7 × 10 = 7.000000000000001 in floating point; 7 of 10 meets a 70% target.
    expect(sitesNeeded(0.7, 10, 7)).toBe(0);
    expect(sitesNeeded(0.7, 10, 6)).toBe(1);
    expect(sitesNeeded(0.7, 0, 0)).toBe(0);
  });

  it("reports a null ratio for an empty scope", () => {
    const r = analyseCoverage(inventory({ sites: [core("c")], targets: [target("t")] }));
    expect(r.targets[0]?.all).toMatchObject({
      inScope: 0,
      covered: 0,
      ratio: null,
      gap: 0,
      meetsTarget: true,
    });
  });
});
