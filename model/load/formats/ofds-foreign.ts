// A package from another publisher has no extension: the fields our model needs and OFDS lacks are
// assumed, the same way for every such record, and the records say so (provenance illustrative, its
// source naming the assumptions). With no context files beside it, the package's own nodes give the
// city: one area per node region. docs/formats.md lists every assumption.
import type { City, Kecamatan, Provenance } from "../../types.ts";
import { isPlainObject } from "./network-read.ts";

/** The provenance of an assumed record, or why the package cannot date its records. */
export function foreignProvenance(network: Record<string, unknown>): Provenance | string {
  const asOf = network.collectionDate ?? network.publicationDate;
  if (typeof asOf !== "string")
    return "is required to date a package without our extension (or give publicationDate)";
  const name = typeof network.name === "string" ? network.name : String(network.id ?? "unnamed");
  const publisher =
    isPlainObject(network.publisher) && typeof network.publisher.name === "string"
      ? ` published by ${network.publisher.name}`
      : "";
  return {
    source: `OFDS network "${name}"${publisher}; category, authority, optics and tier assumed (docs/formats.md)`,
    illustrative: true,
    asOf,
  };
}

/** Where the network meets the world (an international connection) is a core; every other node a PoP. */
function categoryOf(node: Record<string, unknown>): "core" | "pop" {
  const international = node.internationalConnections;
  return Array.isArray(international) && international.length > 0 ? "core" : "pop";
}

function regionOf(node: Record<string, unknown>): string | undefined {
  const address = node.address;
  return isPlainObject(address) && typeof address.region === "string" ? address.region : undefined;
}

/** An id from a region name: "Greater Accra" -> greater-accra. */
export function areaId(region: string | undefined): string {
  const id = (region ?? "")
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63)
    .replace(/-+$/, "");
  return id === "" ? "unknown-region" : id;
}

export function foreignSite(
  node: Record<string, unknown>,
  location: { lat: number; lon: number } | undefined,
  provenance: Provenance | undefined,
): Record<string, unknown> & { category: string } {
  return {
    id: node.id,
    name: node.name ?? node.id,
    category: categoryOf(node),
    // Another publisher's network is not run by the city.
    authority: "private",
    kecamatan: areaId(regionOf(node)),
    location,
    connection: { status: node.status, medium: "fiber" },
    provenance,
  };
}

/** Assumed optics of a backbone span: 1550 nm, 24 dB budget, two connectors, no splices recorded. */
export function foreignLink(
  span: Record<string, unknown>,
  deployment: "aerial" | "underground" | undefined,
  fiber: unknown,
  categories: ReadonlyMap<unknown, string>,
  provenance: Provenance | undefined,
): Record<string, unknown> {
  const core = categories.get(span.start) === "core" && categories.get(span.end) === "core";
  const link: Record<string, unknown> = {
    id: span.id,
    a: span.start,
    b: span.end,
    tier: core ? "core" : "distribution",
    status: span.status,
    deployment,
    fiber: fiber ?? "G.652",
    cores: span.fibreCount,
    lengthKm: span.fibreLength,
    wavelengthNm: 1550,
    splices: 0,
    connectors: 2,
    splitters: [],
    budgetDb: 24,
    srlg: [],
    provenance,
  };
  if (deployment === undefined) delete link.deployment;
  return link;
}

/** The city a foreign package implies: its extent, and one area (kecamatan) per node region. */
export function derivedCity(networks: readonly unknown[], sites: readonly unknown[]): City {
  const first = networks.find(isPlainObject) ?? {};
  const located: { lat: number; lon: number; kecamatan: string; region?: string }[] = [];
  const names = new Map<string, string>();
  for (const network of networks) {
    if (!isPlainObject(network) || !Array.isArray(network.nodes)) continue;
    for (const node of network.nodes) {
      if (!isPlainObject(node)) continue;
      const region = regionOf(node);
      if (region !== undefined && !names.has(areaId(region))) names.set(areaId(region), region);
    }
  }
  for (const s of sites) {
    if (!isPlainObject(s) || !isPlainObject(s.location) || typeof s.kecamatan !== "string") continue;
    const { lat, lon } = s.location as { lat: number; lon: number };
    located.push({ lat, lon, kecamatan: s.kecamatan });
  }
  const lats = located.map((p) => p.lat);
  const lons = located.map((p) => p.lon);
  // A margin of ~1 km, so nodes on the edge are inside.
  const pad = 0.01;
  const bbox = located.length
    ? {
        minLat: Math.max(-90, Math.min(...lats) - pad),
        maxLat: Math.min(90, Math.max(...lats) + pad),
        minLon: Math.max(-180, Math.min(...lons) - pad),
        maxLon: Math.min(180, Math.max(...lons) + pad),
      }
    : { minLat: -90, maxLat: 90, minLon: -180, maxLon: 180 };
  const areas = new Map<string, { lat: number; lon: number; n: number }>();
  for (const p of located) {
    const a = areas.get(p.kecamatan) ?? { lat: 0, lon: 0, n: 0 };
    a.lat += p.lat;
    a.lon += p.lon;
    a.n++;
    areas.set(p.kecamatan, a);
  }
  const kecamatan: Kecamatan[] = [...areas].map(([id, a]) => {
    const name = names.get(id) ?? id;
    return {
      id,
      code: "",
      name,
      // Unknown: OFDS gives no areas. Nothing in the coverage report reads it.
      areaKm2: 0,
      centroid: { lat: a.lat / a.n, lon: a.lon / a.n },
      kelurahan: [{ id, name }],
    };
  });
  const provenance = foreignProvenance(first);
  const country = firstCountry(networks);
  return {
    code: country,
    name: typeof first.name === "string" ? first.name : "OFDS network",
    timezone: "UTC",
    bbox,
    kecamatan,
    provenance:
      typeof provenance === "string"
        ? { source: "OFDS network package", illustrative: true, asOf: "1970-01-01" }
        : provenance,
  };
}

function firstCountry(networks: readonly unknown[]): string {
  for (const network of networks) {
    if (!isPlainObject(network) || !Array.isArray(network.nodes)) continue;
    for (const node of network.nodes) {
      const address = isPlainObject(node) ? node.address : undefined;
      if (isPlainObject(address) && typeof address.country === "string") return address.country;
    }
  }
  return "";
}
