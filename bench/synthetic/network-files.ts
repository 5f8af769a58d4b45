// Writes an inventory's sites and links in the standard network formats the loader reads (see
// docs/formats.md): NDJSON, one record a line, and a GeoJSON FeatureCollection. OFDS is the project's
// own exporter (reports/ofds/package.ts). The benchmark generates its national inputs with these, and
// the tests use them for round trips.
import type { Link, Site } from "../../model/types.ts";

/** One {"site": ...} or {"link": ...} line per record, sites first, as chunks of text. */
export function* ndjsonChunks(sites: readonly Site[], links: readonly Link[]): Generator<string> {
  for (const site of sites) yield `{"site":${JSON.stringify(site)}}\n`;
  for (const link of links) yield `{"link":${JSON.stringify(link)}}\n`;
}

export function ndjsonText(sites: readonly Site[], links: readonly Link[]): string {
  return [...ndjsonChunks(sites, links)].join("");
}

/** Points for sites (their location as geometry, the other fields as properties), lines for links
 * (drawn between their ends). */
export function geoJsonText(sites: readonly Site[], links: readonly Link[]): string {
  const at = new Map(sites.map((s) => [s.id, [s.location.lon, s.location.lat]]));
  const features: string[] = [];
  for (const { location, ...properties } of sites) {
    const geometry = { type: "Point", coordinates: [location.lon, location.lat] };
    features.push(JSON.stringify({ type: "Feature", geometry, properties }));
  }
  for (const link of links) {
    const geometry = { type: "LineString", coordinates: [at.get(link.a), at.get(link.b)] };
    features.push(JSON.stringify({ type: "Feature", geometry, properties: link }));
  }
  return `{"type":"FeatureCollection","features":[\n${features.join(",\n")}\n]}\n`;
}
