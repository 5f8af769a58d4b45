// The OFDS standard's own example package (Ghana, two nodes and a span, none of our extension) loads
// alone, with the documented assumptions, and gives a coverage report.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { analyseNetwork } from "../../../../model/analyses/index.ts";
import { formatProblems, loadInventory, loadNetworkInventory } from "../../../../model/load/index.ts";
import type { NetworkInventory } from "../../../../model/types.ts";
import { reportSummary } from "../../../../reports/build.ts";
import { renderTerminal } from "../../../../reports/table.ts";

const EXAMPLE = fileURLToPath(
  new URL("../../../../reports/ofds/schema/example-network-package.json", import.meta.url),
);

async function example(): Promise<NetworkInventory> {
  const loaded = await loadNetworkInventory(EXAMPLE);
  if (!loaded.ok) throw new Error(formatProblems(loaded.problems));
  return loaded.inventory;
}

describe("the OFDS example package, from another publisher", () => {
  it("maps nodes to sites with the assumptions: international gateway a core, other nodes PoPs, run privately", async () => {
    const { sites, links, city, tenants, targets, datacenter } = await example();
    expect(
      sites.map((s) => [s.id, s.name, s.category, s.authority, s.kecamatan, s.connection.status]),
    ).toEqual([
      ["1", "Accra", "core", "private", "accra", "operational"],
      ["2", "Kumasi", "pop", "private", "kumasi", "operational"],
    ]);
    expect(sites[1]?.location).toEqual({ lat: 6.711, lon: -1.628 });
    // Assumed attributes are never presented as surveyed.
    expect(sites.every((s) => s.provenance.illustrative)).toBe(true);
    expect(sites[0]?.provenance).toMatchObject({
      asOf: "2021-09-30",
      source: expect.stringContaining("FibreCo"),
    });
    expect(links).toEqual([
      expect.objectContaining({
        id: "1",
        a: "1",
        b: "2",
        tier: "distribution",
        deployment: "underground",
        fiber: "G.652.D",
        cores: 24,
        lengthKm: 276000,
        wavelengthNm: 1550,
      }),
    ]);
    expect(city.name).toBe("Ghana Fibre Network");
    expect(city.kecamatan.map((k) => k.name)).toEqual(["Accra", "Kumasi"]);
    expect([tenants, targets, datacenter]).toEqual([[], [], undefined]);
  });

  it("gives a coverage report: the span's length as published (276,000 km) fails its optical budget", async () => {
    const inventory = await example();
    const analyses = analyseNetwork(inventory);
    expect(analyses.coverage.targets).toEqual([]);
    const table = renderTerminal(reportSummary(inventory));
    expect(table).toContain("Fiber coverage report: Ghana Fibre Network");
    expect(table).toMatch(/0\/1 operational links keep at least 3\.0 dB/);
  });

  it("is not a whole inventory for the stacks: without a data center it is refused there", async () => {
    const loaded = await loadInventory(EXAMPLE);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(formatProblems(loaded.problems)).toMatch(/datacenter\.yaml file is missing$/);
  });
});
