// The JSON report is for auditors checking the figures with another tool: every link carries its
// loss, budget, margin and band, and every bridge and cut vertex is listed, not only the worst few.
import { describe, expect, it } from "vitest";
import { analyseNetwork } from "../../../model/analyses/index.ts";
import { parseInventory } from "../../../model/load/index.ts";
import { reportView } from "../../../reports/build.ts";
import { renderJson } from "../../../reports/json.ts";
import { realFiles } from "../model/inventory-fixture.ts";

describe("JSON report of the city's inventory", () => {
  const loaded = parseInventory(realFiles());
  if (!loaded.ok) throw new Error("the real inventory must load");
  const inventory = loaded.inventory;
  const analyses = analyseNetwork(inventory);
  const report = JSON.parse(renderJson(reportView(inventory)));

  it("gives every link its loss, budget, margin and band, as the optics computed them", () => {
    expect(report.links).toHaveLength(inventory.links.length);
    const optics = new Map(analyses.optics.links.map((l) => [l.linkId, l]));
    for (const l of report.links) {
      const o = optics.get(l.id);
      expect(o, l.id).toBeDefined();
      expect([l.lossDb, l.budgetDb, l.marginDb, l.band]).toEqual([
        o?.loss.totalDb,
        o?.budgetDb,
        o?.marginDb,
        o?.band,
      ]);
      expect(l.marginDb).toBeCloseTo(l.budgetDb - l.lossDb, 2);
    }
  });

  it("lists every bridge and every cut vertex, as many as the summary counts", () => {
    const { bridges, cutVertices } = analyses.diversity;
    expect(bridges.length).toBeGreaterThan(5);
    expect(cutVertices.length).toBeGreaterThan(5);
    expect(report.bridges).toEqual(bridges);
    expect(report.cutVertices).toEqual(cutVertices);
    expect(report.diversity.bridges).toBe(bridges.length);
    expect(report.diversity.cutVertices).toBe(cutVertices.length);
    // More than the summary's handful of worst single points of failure.
    expect(report.bridges.length + report.cutVertices.length).toBeGreaterThan(report.diversity.worst.length);
  });
});
