// Geodesy for the planner: great-circle distance from geokdbush (the same formula its nearest-
// neighbour search ranks by), and a safe degree box around a point for flatbush queries.
import { distance } from "geokdbush";
import type { LatLon } from "../types.ts";

/** Great-circle distance in km. */
export function distanceKm(x: LatLon, y: LatLon): number {
  return distance(x.lon, x.lat, y.lon, y.lat);
}

/** Kilometres per degree of latitude, rounded down so boxes err on the large side. */
const KM_PER_DEG_LAT = 110.5;
const KM_PER_DEG_LON_EQUATOR = 111.32;

export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/**
 * A lon/lat box that contains every point within `radiusKm` of `p` (a superset: callers filter by
 * exact distance). Widened by 1% and by the longitude shrink at the box's far latitude.
 */
export function boxAround(p: LatLon, radiusKm: number): Box {
  const r = radiusKm * 1.01;
  const dLat = r / KM_PER_DEG_LAT;
  const farLat = Math.min(89.9, Math.abs(p.lat) + dLat);
  const dLon = Math.min(180, r / (KM_PER_DEG_LON_EQUATOR * Math.cos((farLat * Math.PI) / 180)));
  return { minX: p.lon - dLon, minY: p.lat - dLat, maxX: p.lon + dLon, maxY: p.lat + dLat };
}
