// Small hand-built inventories for the analysis tests: only the fields an analysis reads vary.
import type {
  ComponentClass,
  DataCenter,
  DcComponent,
  Inventory,
  Link,
  Site,
  Target,
} from "../../../model/types.ts";

const provenance = { source: "unit test", illustrative: true, asOf: "2026-11-01" };

export function site(id: string, overrides: Partial<Site> = {}): Site {
  return {
    id,
    name: id.toUpperCase(),
    category: "school",
    level: "SD",
    authority: "city",
    kecamatan: "wolio",
    location: { lat: -5.47, lon: 122.64 },
    connection: { status: "operational", medium: "fiber", access: "gpon" },
    provenance,
    ...overrides,
  };
}

/** Network infrastructure (core, PoP): no school level, no access technology. */
function infrastructure(category: "core" | "pop") {
  return (id: string, overrides: Partial<Site> = {}): Site =>
    site(id, {
      category,
      level: undefined,
      connection: { status: "operational", medium: "fiber" },
      ...overrides,
    });
}
export const core = infrastructure("core");
export const pop = infrastructure("pop");

/** A 0-loss-by-default operational span; tests set the optical fields they check. */
export function link(a: string, b: string, overrides: Partial<Link> = {}): Link {
  return {
    id: `${a}--${b}`,
    a,
    b,
    tier: "access",
    status: "operational",
    deployment: "aerial",
    fiber: "G.652.D",
    cores: 12,
    lengthKm: 1,
    wavelengthNm: 1310,
    splices: 0,
    connectors: 0,
    splitters: [],
    budgetDb: 28,
    srlg: [],
    provenance,
    ...overrides,
  };
}

export function target(id: string, overrides: Partial<Target> = {}): Target {
  return {
    id,
    measure: "fiber-coverage",
    categories: ["opd", "school", "puskesmas"],
    authorities: ["city", "province"],
    ratio: 0.7,
    by: "2028-12-31",
    ...overrides,
  };
}

let componentSeq = 0;

/** A data-center component with a fresh id. */
export function component(
  cls: ComponentClass,
  capacity: number,
  status: DcComponent["status"] = "operational",
): DcComponent {
  return { id: `${cls}-${++componentSeq}`, class: cls, capacity, status };
}

export function datacenter(overrides: Partial<DataCenter> = {}): DataCenter {
  return {
    id: "dc",
    name: "DC",
    site: "core-a",
    tier: "II",
    demand: { electricalKw: 100, coolingKw: 80, pumpLpm: 300, fuelBurnLph: 25, fuelHoursRequired: 12 },
    components: [],
    racks: [],
    servers: [],
    clusters: [],
    provenance,
    ...overrides,
  };
}

export function inventory(
  parts: Partial<Pick<Inventory, "sites" | "links" | "targets" | "datacenter" | "tenants" | "services">>,
): Inventory {
  return {
    city: {
      code: "74.72",
      name: "Kota Baubau",
      timezone: "Asia/Makassar",
      bbox: { minLat: -5.54, maxLat: -5.305, minLon: 122.55, maxLon: 122.775 },
      kecamatan: [],
      provenance,
    },
    tenants: parts.tenants ?? [],
    services: parts.services ?? [],
    targets: parts.targets ?? [],
    sites: parts.sites ?? [],
    links: parts.links ?? [],
    datacenter: parts.datacenter ?? datacenter(),
  };
}
