// A small typed inventory with awkward names (comma, quotes, markup) for the report tests. Built in code,
// not loaded from YAML, so these tests exercise the renderers without depending on the loader.
import type { Inventory, Link, Site } from "../../../model/types.ts";
import { reportView } from "../../../reports/build.ts";
import type { ReportView } from "../../../reports/view.ts";
import { link as span } from "../analyses/fixtures.ts";

export const TRICKY_NAME = `SD Negeri 1 "Kartini", Wolio <script>alert("x")</script> & Sons`;

const provenance = { source: "test fixture", illustrative: true, asOf: "2026-11-01" };

function site(id: string, over: Partial<Site> & Pick<Site, "category" | "location">): Site {
  return {
    id,
    name: id,
    authority: "city",
    kecamatan: "wolio",
    kelurahan: "bataraguru",
    connection: { status: "operational", medium: "fiber" },
    provenance,
    ...over,
  };
}

/** The analyses' span with the report's figures: 1.5 km, two splices and connectors, one cable each. */
function link(a: string, b: string, over: Partial<Link> = {}): Link {
  return span(a, b, {
    lengthKm: 1.5,
    splices: 2,
    connectors: 2,
    srlg: [`cable-${a}-${b}`],
    provenance,
    ...over,
  });
}

export function fixtureInventory(): Inventory {
  return {
    services: [],
    city: {
      code: "74.72",
      name: "Kota Baubau",
      timezone: "Asia/Makassar",
      bbox: { minLat: -5.54, maxLat: -5.305, minLon: 122.55, maxLon: 122.775 },
      provenance,
      kecamatan: [
        {
          id: "wolio",
          code: "74.72.02",
          name: "Wolio",
          areaKm2: 33.56,
          centroid: { lat: -5.474, lon: 122.641 },
          kelurahan: [{ id: "bataraguru", name: "Bataraguru" }],
        },
        {
          id: "betoambari",
          code: "74.72.01",
          name: "Betoambari <b>",
          areaKm2: 31.4,
          centroid: { lat: -5.5, lon: 122.585 },
          kelurahan: [{ id: "lipu", name: "Lipu" }],
        },
      ],
    },
    tenants: [
      { id: "diskominfo", name: "Dinas Komunikasi, Informatika, Statistik dan Persandian", kind: "dinas" },
      { id: "dikpora", name: "Dinas Pendidikan, Pemuda dan Olahraga", kind: "dinas" },
    ],
    targets: [
      {
        id: "fiber-phase-1",
        measure: "fiber-coverage",
        categories: ["opd", "school", "puskesmas"],
        authorities: ["city", "province"],
        ratio: 0.7,
        by: "2028-12-31",
        phase: "I",
      },
    ],
    sites: [
      site("core-palagimata", {
        category: "core",
        location: { lat: -5.49, lon: 122.58 },
        kecamatan: "betoambari",
        kelurahan: "lipu",
        tenant: "diskominfo",
      }),
      site("pop-wolio", { category: "pop", location: { lat: -5.474, lon: 122.641 }, tenant: "diskominfo" }),
      site("sdn-1-kartini", {
        name: TRICKY_NAME,
        category: "school",
        level: "SD",
        tenant: "dikpora",
        location: { lat: -5.4712, lon: 122.6391 },
        connection: { status: "operational", medium: "fiber", access: "gpon", pop: "pop-wolio" },
      }),
      site("sma-1-baubau", {
        name: "SMA Negeri 1 Baubau",
        category: "school",
        level: "SMA",
        authority: "province",
        location: { lat: -5.476, lon: 122.645 },
        connection: { status: "planned", medium: "fiber", access: "gpon", pop: "pop-wolio" },
      }),
      site("pkm-wolio", {
        name: "Puskesmas Wolio",
        category: "puskesmas",
        location: { lat: -5.478, lon: 122.637 },
        connection: { status: "proposed", medium: "none" },
      }),
    ],
    links: [
      link("core-palagimata", "pop-wolio", { tier: "core", lengthKm: 7.2, wavelengthNm: 1550, budgetDb: 11 }),
      link("pop-wolio", "sdn-1-kartini", { splitters: ["1:8"] }),
      link("pop-wolio", "sma-1-baubau", { status: "planned", splitters: ["1:8"] }),
    ],
    datacenter: {
      id: "dc-baubau",
      name: "Tier-2 DC",
      site: "core-palagimata",
      tier: "II",
      demand: { electricalKw: 40, coolingKw: 40, pumpLpm: 100, fuelBurnLph: 10, fuelHoursRequired: 12 },
      components: [],
      racks: [],
      servers: [],
      clusters: [],
      provenance,
    },
  };
}

export function fixtureView(inventory: Inventory = fixtureInventory()): ReportView {
  return reportView(inventory);
}
