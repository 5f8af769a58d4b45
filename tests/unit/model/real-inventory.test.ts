// The inventory in the repo must load cleanly and keep the facts DOMAIN.md states about the city.
import { describe, expect, it } from "vitest";
import { formatProblems, loadInventory } from "../../../model/load/index.ts";
import type { Inventory, Site } from "../../../model/types.ts";

const ROOT = new URL("../../../inventory", import.meta.url).pathname;

async function inventory(): Promise<Inventory> {
  const result = await loadInventory(ROOT);
  if (!result.ok) throw new Error(formatProblems(result.problems));
  return result.inventory;
}

function km(a: Site, b: Site): number {
  const r = Math.PI / 180;
  const h =
    Math.sin(((b.location.lat - a.location.lat) * r) / 2) ** 2 +
    Math.cos(a.location.lat * r) *
      Math.cos(b.location.lat * r) *
      Math.sin(((b.location.lon - a.location.lon) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

describe("the real inventory", () => {
  it("loads with zero problems", async () => {
    const result = await loadInventory(ROOT);
    expect(result.ok ? [] : formatProblems(result.problems).split("\n")).toEqual([]);
  });

  it("has the city's 8 kecamatan and 43 kelurahan with their Kemendagri codes", async () => {
    const { city } = await inventory();
    expect(city.code).toBe("74.72");
    expect(city.kecamatan.map((k) => k.code)).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `74.72.0${n}`));
    expect(city.kecamatan.reduce((n, k) => n + k.kelurahan.length, 0)).toBe(43);
    expect(city.kecamatan.find((k) => k.id === "wolio")?.kelurahan.map((l) => l.name)).toEqual([
      "Bataraguru",
      "Tomba",
      "Wale",
      "Batulo",
      "Wangkanapi",
      "Kadolokatapi",
      "Bukit Wolio Indah",
    ]);
  });

  it("has the site counts of DOMAIN.md: 17 puskesmas, 8 kecamatan and 43 kelurahan offices, one PoP per kecamatan, two cores", async () => {
    const { sites } = await inventory();
    const count = (c: string) => sites.filter((s) => s.category === c).length;
    expect(count("puskesmas")).toBe(17);
    expect(count("kecamatan-office")).toBe(8);
    expect(count("kelurahan-office")).toBe(43);
    expect(count("pop")).toBe(8);
    expect(count("core")).toBe(2);
    expect(count("opd")).toBeGreaterThanOrEqual(32);
    const level = (l: string) => sites.filter((s) => s.level === l).length;
    expect([level("SD"), level("SMP"), level("SMA"), level("SMK"), level("SLB")]).toEqual([
      78, 28, 13, 15, 2,
    ]);
    expect(new Set(sites.filter((s) => s.category === "pop").map((s) => s.kecamatan)).size).toBe(8);
  });

  it("puts the two cores at least 2 km apart, one at Palagimata (Kel. Lipu)", async () => {
    const { sites } = await inventory();
    const cores = sites.filter((s) => s.category === "core");
    expect(cores.map((c) => c.kelurahan)).toContain("lipu");
    const [a, b] = cores as [Site, Site];
    expect(km(a, b)).toBeGreaterThanOrEqual(2);
  });

  it("marks the sites the news reported on fiber as operational, from that source", async () => {
    const { sites } = await inventory();
    const news = [
      "smpn-11-baubau",
      "kel-office-palabusa",
      "kel-office-tampuna",
      "sdn-2-bataraguru",
      "pkm-waborobo",
      "kel-office-labalawa",
      "sdn-2-labalawa",
      "kec-office-bungi",
      "kel-office-gonda-baru",
      "sdn-gonda-baru",
      "smpn-13-baubau",
      "smkn-15-baubau",
      "kel-office-kantalai",
    ];
    for (const id of news) {
      const site = sites.find((s) => s.id === id);
      expect(site?.connection.status, id).toBe("operational");
      expect(site?.provenance.source, id).toMatch(/^news report/);
    }
  });

  it("presents nothing estimated as surveyed: every site and link is illustrative", async () => {
    const { sites, links } = await inventory();
    expect(sites.filter((s) => !s.provenance.illustrative).map((s) => s.id)).toEqual([]);
    expect(links.filter((l) => !l.provenance.illustrative).map((l) => l.id)).toEqual([]);
  });

  it("gives province schools to the province and city schools to the city", async () => {
    const { sites } = await inventory();
    for (const s of sites.filter((x) => x.category === "school")) {
      const expected = s.level === "SD" || s.level === "SMP" ? "city" : "province";
      expect(s.authority, s.id).toBe(expected);
    }
  });

  it("has one walidata, Balitbangda", async () => {
    const { tenants } = await inventory();
    expect(tenants.filter((t) => t.dataRole === "walidata").map((t) => t.id)).toEqual(["balitbangda"]);
  });

  it("states the 70% phase I target for OPD, schools and puskesmas, with and without province schools", async () => {
    const { targets } = await inventory();
    const main = targets.find((t) => t.id === "fiber-phase-1");
    expect(main).toMatchObject({ ratio: 0.7, by: "2028-12-31", categories: ["opd", "school", "puskesmas"] });
    expect(targets.some((t) => t.authorities.length === 1 && t.authorities[0] === "city")).toBe(true);
  });

  it("describes a data center whose servers can become kwok nodes in two clusters on Kubernetes 1.36.1", async () => {
    const { datacenter } = await inventory();
    expect(datacenter.site).toBe("core-palagimata");
    expect(datacenter.servers.length).toBeGreaterThanOrEqual(10);
    expect(datacenter.servers.length).toBeLessThanOrEqual(14);
    expect(new Set(datacenter.servers.map((s) => s.cluster))).toEqual(new Set(["dc-prod", "dc-mgmt"]));
    expect(datacenter.clusters.every((c) => c.kubernetesVersion === "1.36.1")).toBe(true);
    for (const s of datacenter.servers) expect(s.id).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
    expect(new Set(datacenter.racks.map((r) => r.zone)).size).toBeGreaterThanOrEqual(2);
  });
});
