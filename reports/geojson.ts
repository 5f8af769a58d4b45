// GeoJSON (RFC 7946) of sites and links, for QGIS and any web map. Positions are [lon, lat] in WGS 84;
// RFC 7946 dropped the `crs` member, so none is written.
import type { LatLon } from "../model/types.ts";
import { extent } from "./extent.ts";
import type { ReportView } from "./view.ts";

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

export function toGeoJson(view: ReportView): CoverageFeatureCollection {
  const sites: SiteFeature[] = view.sites.map((s) => ({
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
  }));
  const links: LinkFeature[] = view.links.map((l) => ({
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
  }));
  const box = extent(view);
  return {
    type: "FeatureCollection",
    bbox: [box.minLon, box.minLat, box.maxLon, box.maxLat],
    features: [...links, ...sites],
  };
}

export function renderGeoJson(view: ReportView): string {
  return `${JSON.stringify(toGeoJson(view), null, 2)}\n`;
}
