// GeoJSON (RFC 7946) of sites and links, for QGIS and any web map. Positions are [lon, lat] in WGS 84;
// RFC 7946 dropped the `crs` member, so none is written.
import type { LatLon } from "../model/types.ts";
import { joinChunks, jsonLinesArray } from "./chunks.ts";
import { extent } from "./extent.ts";
import type { LinkView, ReportView, SiteView } from "./view.ts";

type Position = [number, number];

export interface SiteFeature {
  type: "Feature";
  id: string;
  geometry: { type: "Point"; coordinates: Position };
  properties: {
    kind: "site";
    id: string;
    name: string;
    category: string;
    status: string;
    covered: boolean;
    kecamatan: string;
    kecamatanId: string;
    illustrative: boolean;
  };
}

export interface LinkFeature {
  type: "Feature";
  id: string;
  geometry: { type: "LineString"; coordinates: Position[] };
  properties: {
    kind: "link";
    id: string;
    a: string;
    b: string;
    tier: string;
    status: string;
    lengthKm: number;
    margin: number | null;
  };
}

export interface CoverageFeatureCollection {
  type: "FeatureCollection";
  bbox: [number, number, number, number];
  features: (SiteFeature | LinkFeature)[];
}

// Six decimals is ~0.1 m: finer is noise (RFC 7946 §11.2) and only bloats the file.
const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;
const position = (p: LatLon): Position => [round6(p.lon), round6(p.lat)];

export function siteFeature(s: SiteView): SiteFeature {
  return {
    type: "Feature",
    id: s.id,
    geometry: { type: "Point", coordinates: position(s.location) },
    properties: {
      kind: "site",
      id: s.id,
      name: s.name,
      category: s.category,
      status: s.status,
      covered: s.covered,
      kecamatan: s.kecamatanName,
      kecamatanId: s.kecamatan,
      illustrative: s.illustrative,
    },
  };
}

export function linkFeature(l: LinkView): LinkFeature {
  return {
    type: "Feature",
    id: l.id,
    geometry: { type: "LineString", coordinates: [position(l.from), position(l.to)] },
    properties: {
      kind: "link",
      id: l.id,
      a: l.a,
      b: l.b,
      tier: l.tier,
      status: l.status,
      lengthKm: l.lengthKm,
      margin: l.marginDb === null ? null : Math.round(l.marginDb * 100) / 100,
    },
  };
}

function bbox(view: ReportView): CoverageFeatureCollection["bbox"] {
  const box = extent(view);
  return [box.minLon, box.minLat, box.maxLon, box.maxLat];
}

/** Links first so that sites draw on top in viewers that keep file order. */
export function toGeoJson(view: ReportView): CoverageFeatureCollection {
  return {
    type: "FeatureCollection",
    bbox: bbox(view),
    features: [...view.links.map(linkFeature), ...view.sites.map(siteFeature)],
  };
}

/** The same collection as text, one feature per line, produced feature by feature. */
export function* geoJsonChunks(view: ReportView): Generator<string> {
  yield `{"type":"FeatureCollection","bbox":${JSON.stringify(bbox(view))},"features":`;
  const features = function* () {
    for (const l of view.links) yield linkFeature(l);
    for (const s of view.sites) yield siteFeature(s);
  };
  yield* jsonLinesArray<SiteFeature | LinkFeature>(features(), "  ", (f) => f);
  yield "}\n";
}

export function renderGeoJson(view: ReportView): string {
  return joinChunks(geoJsonChunks(view));
}
