import { describe, expect, it } from "vitest";
import { fixtureInventory, fixtureView } from "./fixture.ts";

describe("report view", () => {
  const view = fixtureView();

  it("marks a site covered only with operational fiber and an operational path to a core", () => {
    const covered = Object.fromEntries(view.sites.map((s) => [s.id, s.covered]));
    expect(covered).toMatchObject({ "sdn-1-kartini": true, "sma-1-baubau": false, "pkm-wolio": false });
  });

  it("lists single points of failure worst first, links named by their two ends", () => {
    const worst = view.diversity?.worst ?? [];
    expect(worst.length).toBeGreaterThan(0);
    expect(worst.length).toBeLessThanOrEqual(5);
    for (let i = 1; i < worst.length; i++) {
      expect((worst[i - 1]?.sitesCutOff ?? 0) >= (worst[i]?.sitesCutOff ?? 0)).toBe(true);
    }
    const coreLink = worst.find((w) => w.id === "core-palagimata--pop-wolio");
    expect(coreLink).toMatchObject({ kind: "link", name: "core-palagimata – pop-wolio" });
  });

  it("takes kelurahan and tenant names from the inventory, and leaves absent fields out", () => {
    const school = view.sites.find((s) => s.id === "sdn-1-kartini");
    expect(school).toMatchObject({
      kelurahanName: "Bataraguru",
      tenantName: "Dinas Pendidikan, Pemuda dan Olahraga",
      level: "SD",
    });
    const pkm = view.sites.find((s) => s.id === "pkm-wolio");
    expect(pkm && "level" in pkm).toBe(false);
    expect(pkm && "tenantName" in pkm).toBe(false);
  });

  it("counts kecamatan coverage within the headline target's scope, in the city's order", () => {
    expect(view.byKecamatan.map((k) => [k.key, k.covered, k.total])).toEqual([
      ["wolio", 1, 3],
      ["betoambari", 0, 0],
    ]);
  });

  it("dates the report by the latest provenance in the inventory", () => {
    const inventory = fixtureInventory();
    const last = inventory.sites[0];
    if (last) last.provenance = { ...last.provenance, asOf: "2027-02-03" };
    expect(fixtureView(inventory).asOf).toBe("2027-02-03");
  });
});
