import { describe, expect, it } from "vitest";
import { linkLoss, marginBand } from "../../../model/analyses/optical-loss.ts";
import { analyseOptics, MAX_LISTED_ACCESS_LINKS } from "../../../model/analyses/optics.ts";
import { core, inventory, link, pop, site } from "./fixtures.ts";

describe("link loss model", () => {
  it("adds fibre, splices, connector pairs and splitters", () => {
    // 2 km × 0.35 = 0.7; 3 × 0.1 = 0.3; 2 × 0.3 = 0.6; 1:8 10.5 + 1:4 7.3 = 17.8 → 19.4
    expect(
      linkLoss({ lengthKm: 2, wavelengthNm: 1310, splices: 3, connectors: 2, splitters: ["1:8", "1:4"] }),
    ).toEqual({
      fibreDb: 0.7,
      spliceDb: 0.3,
      connectorDb: 0.6,
      splitterDb: 17.8,
      totalDb: 19.4,
    });
    // 1:2 3.6 + 1:64 20.5 = 24.1; 1490 nm: 10 km × 0.30 = 3.0
    expect(
      linkLoss({ lengthKm: 10, wavelengthNm: 1490, splices: 0, connectors: 0, splitters: ["1:2", "1:64"] })
        .totalDb,
    ).toBe(27.1);
    expect(
      linkLoss({ lengthKm: 4, wavelengthNm: 1550, splices: 0, connectors: 0, splitters: ["1:16", "1:32"] })
        .totalDb,
    ).toBe(31.8);
  });

  it("bands margins at 3 dB and 0 dB", () => {
    expect(marginBand(3)).toBe("ok");
    expect(marginBand(2.999)).toBe("warn");
    expect(marginBand(0)).toBe("warn");
    expect(marginBand(-0.01)).toBe("fail");
  });
});

// core-a ─L1─ pop-w ─L2─ s1 ─L3─ s6
//                 ├─L4─ s7        ├╌L5 planned─ s3      └╌L6 decommissioned─ s2
const L1 = link("core-a", "pop-w", {
  tier: "distribution",
  lengthKm: 10,
  wavelengthNm: 1550,
  splices: 4,
  connectors: 2,
  budgetDb: 11,
});
const L2 = link("pop-w", "s1", { lengthKm: 2, splices: 3, connectors: 2, splitters: ["1:8", "1:4"] });
const L3 = link("s1", "s6", {
  lengthKm: 1.5,
  wavelengthNm: 1490,
  splices: 1,
  connectors: 1,
  splitters: ["1:16"],
});
const L4 = link("pop-w", "s7", { lengthKm: 1, connectors: 2, splitters: ["1:32"], budgetDb: 20 });
const L5 = link("pop-w", "s3", { status: "planned", lengthKm: 3, splitters: ["1:64"] });
const L6 = link("pop-w", "s2", { status: "decommissioned" });
const inv = inventory({
  sites: [
    core("core-a"),
    pop("pop-w"),
    pop("pop-x"),
    site("s1"),
    site("s2"),
    site("s3", { connection: { status: "planned", medium: "fiber" } }),
    site("s6"),
    site("s7"),
  ],
  links: [L1, L2, L3, L4, L5, L6],
});

describe("optics", () => {
  const r = analyseOptics(inv);
  const margin = (id: string) => r.links.find((l) => l.linkId === id)?.marginDb;
  const siteOf = (id: string) => r.sites.find((s) => s.siteId === id);

  it("computes every link's margin, planned ones included", () => {
    // L1: 10 × 0.25 + 4 × 0.1 + 2 × 0.3 = 3.5 → 11 − 3.5 = 7.5
    expect(margin(L1.id)).toBe(7.5);
    // L2: 19.4 (above) → 8.6
    expect(margin(L2.id)).toBe(8.6);
    // L3: 1.5 × 0.30 + 0.1 + 0.3 + 13.7 = 14.55 → 13.45
    expect(margin(L3.id)).toBe(13.45);
    // L4: 0.35 + 0.6 + 17.1 = 18.05 → 20 − 18.05 = 1.95 (warn)
    expect(margin(L4.id)).toBe(1.95);
    // L5 (planned): 1.05 + 20.5 = 21.55 → 6.45
    expect(margin(L5.id)).toBe(6.45);
  });

  it("summarises operational and design margins", () => {
    // operational: L1 ok, L2 ok, L3 ok, L4 warn
    expect(r.operational).toEqual({ links: 4, ok: 3, warn: 1, fail: 0, okShare: 0.75 });
    // design adds L5 (ok), leaves out decommissioned L6
    expect(r.design).toEqual({ links: 5, ok: 4, warn: 1, fail: 0, okShare: 0.8 });
  });

  it("budgets the access segment to the first PoP and the whole path separately", () => {
    // s6 access: L3 + L2 = 14.55 + 19.4 = 33.95 against 28 → −5.95 (fail)
    expect(siteOf("s6")?.access).toEqual({
      popId: "pop-w",
      linkIds: [L3.id, L2.id],
      hops: 2,
      lossDb: 33.95,
      budgetDb: 28,
      marginDb: -5.95,
      band: "fail",
    });
    // whole path adds L1 (3.5) = 37.45; the weakest optics on it is L1's 11 dB → −26.45
    expect(siteOf("s6")?.path).toEqual({
      hops: 3,
      lengthKm: 13.5,
      lossDb: 37.45,
      budgetDb: 11,
      marginDb: -26.45,
      band: "fail",
    });
    expect(siteOf("s1")?.access).toMatchObject({ lossDb: 19.4, marginDb: 8.6, band: "ok" });
    expect(siteOf("s1")?.coreId).toBe("core-a");
    // no operational path: decommissioned L6, planned L5
    expect(siteOf("s2")).toEqual({ siteId: "s2", coreId: null, access: null, path: null });
    expect(siteOf("s3")?.path).toBeNull();
  });

  it("reports the worst margin per PoP", () => {
    expect(r.pops).toEqual([
      // incident, not decommissioned: L1 7.5, L2 8.6, L4 1.95, L5 6.45 → L4; access: s1 8.6, s6 −5.95, s7 1.95 → s6
      {
        popId: "pop-w",
        worstLink: { linkId: L4.id, marginDb: 1.95, band: "warn" },
        worstAccess: { siteId: "s6", marginDb: -5.95, band: "fail" },
      },
      { popId: "pop-x", worstLink: null, worstAccess: null },
    ]);
  });

  it("homes a site on the core nearest by fibre length", () => {
    // s: 5 km to core-a, 2 + 2 km to core-b through pop-b
    const two = inventory({
      sites: [core("core-a"), core("core-b"), pop("pop-b"), site("s")],
      links: [
        link("core-a", "s", { lengthKm: 5 }),
        link("core-b", "pop-b", { lengthKm: 2 }),
        link("pop-b", "s", { lengthKm: 2 }),
      ],
    });
    const s = analyseOptics(two).sites.find((x) => x.siteId === "s");
    expect(s?.coreId).toBe("core-b");
    expect(s?.access?.popId).toBe("pop-b");
    expect(s?.path?.hops).toBe(2);
  });
});

describe("optics without a core", () => {
  it("still budgets every link but no site path", () => {
    const r = analyseOptics(
      inventory({ sites: [pop("p"), site("s")], links: [link("p", "s", { splitters: ["1:32"] })] }),
    );
    // 0.35 + 17.1 = 17.45 → 28 − 17.45 = 10.55
    expect(r.links[0]?.marginDb).toBe(10.55);
    expect(r.sites).toEqual([{ siteId: "s", coreId: null, access: null, path: null }]);
    expect(r.pops).toEqual([
      { popId: "p", worstLink: { linkId: "p--s", marginDb: 10.55, band: "ok" }, worstAccess: null },
    ]);
  });
});

describe("optics at scale", () => {
  it("walks a 100k-span chain without recursion, in linear time and output", () => {
    const n = 100_000;
    const sites = [core("core-a"), pop("pop-0")];
    const links = [link("core-a", "pop-0", { id: "up", lengthKm: 0 })];
    for (let i = 0; i < n; i++) {
      sites.push(site(`s${i}`));
      links.push(
        link(i === 0 ? "pop-0" : `s${i - 1}`, `s${i}`, {
          id: `l${i}`,
          lengthKm: 0,
          connectors: 1,
          budgetDb: 1e9,
        }),
      );
    }
    const r = analyseOptics(inventory({ sites, links }));
    const last = r.sites.find((s) => s.siteId === `s${n - 1}`);
    // every span is one connector pair (0.3 dB): the far end's access segment is n × 0.3 dB
    expect(last?.access?.lossDb).toBeCloseTo(n * 0.3, 6);
    expect(last?.access?.hops).toBe(n);
    expect(last?.access?.linkIds).toHaveLength(MAX_LISTED_ACCESS_LINKS);
    expect(last?.access?.linkIds[0]).toBe(`l${n - 1}`);
    expect(last?.path?.hops).toBe(n + 1);
  }, 60_000);
});
