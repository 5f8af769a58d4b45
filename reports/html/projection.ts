// Equirectangular projection with longitude scaled by cos(mid-latitude): at city scale this keeps
// distances and angles close to true without any map library or tiles.
import type { BoundingBox, LatLon } from "../../model/types.ts";

export interface Projection {
  width: number;
  height: number;
  /** For the scale bar: one degree of latitude is about 111.32 km everywhere. */
  pxPerKm: number;
  project(p: LatLon): [number, number];
}

// A degenerate extent (one site, or all sites on one meridian) would divide by zero.
const MIN_SPAN_DEG = 0.005;

export function equirectangular(box: BoundingBox, width: number, padding: number): Projection {
  const midLat = (box.minLat + box.maxLat) / 2;
  const k = Math.cos((midLat * Math.PI) / 180);
  const spanX = Math.max(box.maxLon - box.minLon, MIN_SPAN_DEG) * k;
  const spanY = Math.max(box.maxLat - box.minLat, MIN_SPAN_DEG);
  const scale = (width - 2 * padding) / spanX;
  const height = Math.round(spanY * scale + 2 * padding);
  const round = (v: number): number => Math.round(v * 10) / 10;
  return {
    width,
    height,
    pxPerKm: scale / 111.32,
    project: (p) => [
      round(padding + (p.lon - box.minLon) * k * scale),
      // SVG y grows downwards; latitude grows northwards.
      round(padding + (box.maxLat - p.lat) * scale),
    ],
  };
}
