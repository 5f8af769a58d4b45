import { describe, expect, it } from "vitest";
import { analyseDiversity } from "../../../model/analyses/diversity.ts";
import { core, inventory, link, pop, site } from "./fixtures.ts";

// The ring: core-a ─c1─ pop-1 ─c2─ pop-2 ─c3─ core-b ─c4─ pop-3 ─c5─ core-a
// s1 hangs on pop-1 alone; s2 is dual-homed to pop-2 and pop-3.
function ring(srlgOf: (name: string) => string[] = (name) => [name]) {
  return inventory({
    sites: [core("core-a"), core("core-b"), pop("pop-1"), pop("pop-2"), pop("pop-3"), site("s1"), site("s2")],
    links: [
      link("core-a", "pop-1", { srlg: srlgOf("c1") }),
      link("pop-1", "pop-2", { srlg: srlgOf("c2") }),
      link("pop-2", "core-b", { srlg: srlgOf("c3") }),
      link("core-b", "pop-3", { srlg: srlgOf("c4") }),
      link("pop-3", "core-a", { srlg: srlgOf("c5") }),
      link("pop-1", "s1"),
      link("pop-2", "s2", { srlg: ["drop-2"] }),
      link("pop-3", "s2", { srlg: ["drop-3"] }),
    ],
  });
}

describe("path diversity", () => {
  it("finds two SRLG-disjoint paths to different cores around a ring", () => {
    const r = analyseDiversity(ring());
    const node = (id: string) => r.nodes.find((x) => x.siteId === id);
    // pop-1 → core-a (1 hop); without core-a and c1: pop-1 → pop-2 → core-b
    expect(node("pop-1")).toMatchObject({
      diverse: true,
      primary: { coreId: "core-a", linkIds: ["core-a--pop-1"] },
      secondary: { coreId: "core-b", linkIds: ["pop-1--pop-2", "pop-2--core-b"] },
    });
    // pop-2's nearest core is core-b; the second path goes back round through pop-1
    expect(node("pop-2")?.primary?.coreId).toBe("core-b");
    expect(node("pop-2")?.secondary?.coreId).toBe("core-a");
    expect(node("pop-3")?.diverse).toBe(true);
    // s2: both cores 2 hops away; core-a first via pop-3, then pop-2 → core-b
    expect(node("s2")).toMatchObject({
      diverse: true,
      primary: { coreId: "core-a", linkIds: ["pop-3--s2", "pop-3--core-a"] },
      secondary: { coreId: "core-b", linkIds: ["pop-2--s2", "pop-2--core-b"] },
    });
    // s1 hangs on its single access link: never diverse, inherits pop-1 as its upstream
    expect(node("s1")).toMatchObject({
      diverse: false,
      reason: "single-homed",
      upstream: { siteId: "pop-1", diverse: true },
    });
    expect(r.pops).toEqual({ total: 3, diverse: 3 });
    expect(r.sites).toEqual({ total: 2, diverse: 1 });
    expect(r.nodes.map((x) => x.siteId)).toEqual(["pop-1", "pop-2", "pop-3", "s1", "s2"]);
  });

  it("treats links sharing an SRLG as one risk", () => {
    // c1 and c2 on one pole line: pop-1's two ways out fail together.
    const r = analyseDiversity(ring((name) => (name === "c1" || name === "c2" ? ["pole-line-x"] : [name])));
    const node = (id: string) => r.nodes.find((x) => x.siteId === id);
    expect(node("pop-1")).toMatchObject({ diverse: false, reason: "shared-risk", secondary: null });
    expect(node("pop-1")?.primary?.coreId).toBe("core-a");
    // pop-2's first path (c3) shares nothing with c1/c2, so it stays diverse
    expect(node("pop-2")?.diverse).toBe(true);
  });

  it("does not count two fibres in one cable as redundant", () => {
    const inv = ring();
    inv.sites.push(site("s3"));
    inv.links.push(
      link("pop-1", "s3", { id: "f1", srlg: ["cable-9"] }),
      link("pop-1", "s3", { id: "f2", srlg: ["cable-9"] }),
    );
    const r = analyseDiversity(inv);
    // two links keep s3 out of the peeled trees, but both paths need pop-1
    expect(r.nodes.find((x) => x.siteId === "s3")).toMatchObject({ diverse: false, reason: "shared-risk" });
    // parallel fibres: neither is a bridge; pop-1 is a cut vertex for s1 and s3
    expect(r.bridges.map((b) => b.linkId)).toEqual(["pop-1--s1"]);
    expect(r.cutVertices).toEqual([{ siteId: "pop-1", name: "POP-1", category: "pop", sitesCutOff: 2 }]);
  });

  it("needs two different cores", () => {
    const inv = inventory({
      sites: [core("core-a"), pop("p"), pop("q")],
      links: [link("core-a", "p"), link("p", "q"), link("q", "core-a")],
    });
    const r = analyseDiversity(inv);
    expect(r.nodes.map((x) => [x.siteId, x.reason])).toEqual([
      ["p", "single-core"],
      ["q", "single-core"],
    ]);
  });

  it("reports nodes with no path to any core", () => {
    const inv = inventory({
      sites: [core("core-a"), pop("x"), site("s5"), pop("p"), pop("q"), pop("r"), site("gone")],
      links: [
        link("x", "s5"),
        link("p", "q"),
        link("q", "r"),
        link("r", "p"),
        link("core-a", "gone", { status: "decommissioned" }),
      ],
    });
    const r = analyseDiversity(inv);
    expect(r.nodes.map((x) => [x.siteId, x.reason])).toEqual([
      ["gone", "no-core-path"],
      ["p", "no-core-path"],
      ["q", "no-core-path"],
      ["r", "no-core-path"],
      ["s5", "no-core-path"],
      ["x", "no-core-path"],
    ]);
    // nothing reaches a core, so no failure cuts anyone off
    expect(r.bridges).toEqual([{ linkId: "x--s5", a: "x", b: "s5", sitesCutOff: 0 }]);
  });

  it("names bridges and cut vertices with the sites they cut off", () => {
    // core-a ── pop-1 ─┬─ s1
    //                  └─ s4 ── s5
    const inv = inventory({
      sites: [core("core-a"), pop("pop-1"), site("s1"), site("s4"), site("s5")],
      links: [link("core-a", "pop-1"), link("pop-1", "s1"), link("pop-1", "s4"), link("s4", "s5")],
    });
    const r = analyseDiversity(inv);
    expect(r.bridges).toEqual([
      { linkId: "core-a--pop-1", a: "core-a", b: "pop-1", sitesCutOff: 3 },
      { linkId: "pop-1--s1", a: "pop-1", b: "s1", sitesCutOff: 1 },
      { linkId: "pop-1--s4", a: "pop-1", b: "s4", sitesCutOff: 2 },
      { linkId: "s4--s5", a: "s4", b: "s5", sitesCutOff: 1 },
    ]);
    expect(r.cutVertices.map((c) => [c.siteId, c.sitesCutOff])).toEqual([
      ["pop-1", 3],
      ["s4", 1],
    ]);
    // every node hangs on a tree from core-a
    expect(r.nodes.every((x) => x.reason === "single-homed")).toBe(true);
    expect(r.nodes.find((x) => x.siteId === "s5")?.upstream).toEqual({ siteId: "core-a", diverse: true });
  });

  it("cuts nobody off when both sides keep a core", () => {
    const inv = inventory({
      sites: [core("core-a"), core("core-b"), pop("p")],
      links: [link("core-a", "p"), link("p", "core-b")],
    });
    const r = analyseDiversity(inv);
    expect(r.bridges.map((b) => b.sitesCutOff)).toEqual([0, 0]);
    expect(r.cutVertices).toEqual([{ siteId: "p", name: "P", category: "pop", sitesCutOff: 0 }]);
    // p lies between the two cores on two links with no shared tag: diverse
    expect(r.nodes[0]).toMatchObject({ siteId: "p", diverse: true });
  });

  it("handles a long chain without recursion", () => {
    const n = 100_000;
    const sites = [core("core-a")];
    const links = [];
    for (let i = 0; i < n; i++) {
      sites.push(site(`s${i}`));
      links.push(link(i === 0 ? "core-a" : `s${i - 1}`, `s${i}`, { id: `l${i}` }));
    }
    const r = analyseDiversity(inventory({ sites, links }));
    expect(r.bridges).toHaveLength(n);
    // the first link cuts off all n sites; the last one only the end site
    expect(r.bridges.find((b) => b.linkId === "l0")?.sitesCutOff).toBe(n);
    expect(r.cutVertices).toHaveLength(n - 1);
  }, 60_000);
});

describe("the SRLG trap", () => {
  // v ─[X,W]─ a ─── core-a        the shortest first paths both leave v over v─a and then:
  //            └[Z]─ core-b        to core-a they block W, to core-b they block Z and W.
  // v ── b ─[Z]─ b2 ── core-a     A disjoint pair exists: v-b-b2-core-a (Z) and
  // v ── c ─[W]─ c2 ── core-b     v-c-c2-core-b (W), found by forcing the first path out via b.
  const inv = inventory({
    sites: [core("core-a"), core("core-b"), pop("v"), pop("a"), pop("b"), pop("b2"), pop("c"), pop("c2")],
    links: [
      link("v", "a", { srlg: ["X", "W"] }),
      link("a", "core-a"),
      link("a", "core-b", { srlg: ["Z"] }),
      link("v", "b"),
      link("b", "b2", { srlg: ["Z"] }),
      link("b2", "core-a"),
      link("v", "c"),
      link("c", "c2", { srlg: ["W"] }),
      link("c2", "core-b"),
    ],
  });

  it("escapes it by forcing the first path through each exit", () => {
    const v = analyseDiversity(inv).nodes.find((x) => x.siteId === "v");
    expect(v).toMatchObject({
      diverse: true,
      primary: { coreId: "core-a", linkIds: ["v--b", "b--b2", "b2--core-a"] },
      secondary: { coreId: "core-b", linkIds: ["v--c", "c--c2", "c2--core-b"] },
    });
  });
});
