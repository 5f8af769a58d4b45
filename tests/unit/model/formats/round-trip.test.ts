// The city's inventory written in each standard format and read back must give the same analyses,
// byte for byte: the OFDS import is the inverse of the OFDS export, and GeoJSON and NDJSON carry
// every field of a record.
import { describe, expect, it } from "vitest";
import { geoJsonText, ndjsonText } from "../../../../bench/synthetic/network-files.ts";
import { analyseNetwork } from "../../../../model/analyses/index.ts";
import { formatProblems, parseInventory, parseNetworkInventory } from "../../../../model/load/index.ts";
import type { Inventory, NetworkInventory } from "../../../../model/types.ts";
import { reportView } from "../../../../reports/build.ts";
import { renderJson } from "../../../../reports/json.ts";
import { renderOfds, toOfdsPackage } from "../../../../reports/ofds/package.ts";
import { validateOfdsPackage } from "../../../../reports/ofds/validate.ts";
import { realFiles } from "../inventory-fixture.ts";

const YAML = realFiles();
const CONTEXT = Object.fromEntries(
  ["city", "tenants", "targets", "datacenter"].map((f) => [
    `inventory/${f}.yaml`,
    YAML[`inventory/${f}.yaml`] as string,
  ]),
);

function original(): Inventory {
  const loaded = parseInventory(YAML);
  if (!loaded.ok) throw new Error(formatProblems(loaded.problems));
  return loaded.inventory;
}

function readBack(name: string, text: string): NetworkInventory {
  const loaded = parseNetworkInventory({ ...CONTEXT, [name]: text });
  if (!loaded.ok) throw new Error(formatProblems(loaded.problems));
  return loaded.inventory;
}

const analysesJson = (inventory: NetworkInventory) => JSON.stringify(analyseNetwork(inventory));
const reportJson = (inventory: NetworkInventory) => renderJson(reportView(inventory));

describe("round trips through the standard formats", () => {
  const inventory = original();

  it("OFDS: export, import, the same analyses and the same JSON report, byte for byte", () => {
    const text = renderOfds(toOfdsPackage(inventory));
    expect(validateOfdsPackage(JSON.parse(text)).errors).toEqual([]);
    const back = readBack("inventory/network.json", text);
    expect(back.sites).toHaveLength(inventory.sites.length);
    expect(analysesJson(back)).toBe(analysesJson(inventory));
    expect(reportJson(back)).toBe(reportJson(inventory));
    // Every record comes back with every field (the export sorts by id; the records are the same).
    const byId = <T extends { id: string }>(xs: readonly T[]) =>
      [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId(back.sites)).toEqual(byId(inventory.sites));
    expect(byId(back.links)).toEqual(byId(inventory.links));
  });

  it("OFDS: the network-level provenance is shared, a record's own only where it differs", () => {
    const pkg = toOfdsPackage(inventory);
    const network = pkg.networks[0];
    const own = network.nodes.filter((n) => n.baubau.provenance !== undefined).length;
    expect(own).toBeGreaterThan(0);
    expect(own).toBeLessThan(network.nodes.length);
    expect(network.baubau.provenance.source).toEqual(expect.any(String));
  });

  it("NDJSON: the same analyses", () => {
    const back = readBack("inventory/network.ndjson", ndjsonText(inventory.sites, inventory.links));
    expect(back.sites).toEqual(inventory.sites);
    expect(analysesJson(back)).toBe(analysesJson(inventory));
  });

  it("GeoJSON: the same analyses", () => {
    const back = readBack("inventory/network.geojson", geoJsonText(inventory.sites, inventory.links));
    expect(back.sites).toEqual(inventory.sites);
    expect(back.links).toEqual(inventory.links);
    expect(analysesJson(back)).toBe(analysesJson(inventory));
  });

  it("a directory may mix them: YAML sites with links from NDJSON", () => {
    const sitesOnly = Object.fromEntries(Object.entries(YAML).filter(([name]) => !name.includes("/links/")));
    const loaded = parseNetworkInventory({
      ...sitesOnly,
      "inventory/links.ndjson": ndjsonText([], inventory.links),
    });
    if (!loaded.ok) throw new Error(formatProblems(loaded.problems));
    expect(analysesJson(loaded.inventory)).toBe(analysesJson(inventory));
  });
});
