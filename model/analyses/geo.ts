// Geodesy for the planner: great-circle distance and nearest-point search from geokdbush (its
// `distance` and `around` rank by the same haversine), and a safe degree box around a point for
// flatbush queries.
import { around, distance } from "geokdbush";
import type KDBush from "kdbush";
import type { LatLon } from "../types.ts";

/** Great-circle distance in km. */
export function distanceKm(x: LatLon, y: LatLon): number {
  return distance(x.lon, x.lat, y.lon, y.lat);
}

/** Points this much (km, 1 µm) farther than the nearest are fetched to find exact ties among them. */
const TIE_SEARCH_KM = 1e-9;

/**
 * The nearest of `points` (indexed in `index` in this order) to `from`, as its position in `points`,
 * or -1 when there are none. On an exact tie in distance the earlier point wins: callers list the
 * points in id order, so ties go to the smaller id whatever order the kd-tree visits them in.
 */
export function nearestPoint(index: KDBush, points: readonly LatLon[], from: LatLon): number {
  // The two nearest in one search: when the second is clearly farther, the first has no tie, and
  // only a tie (or a near one) pays for the second search.
  const [first, second] = around(index, from.lon, from.lat, 2);
  if (first === undefined) return -1;
  const best = distanceKm(from, points[first] as LatLon);
  if (second === undefined || distanceKm(from, points[second] as LatLon) > best + TIE_SEARCH_KM) return first;
  let winner = first;
  for (const i of around(index, from.lon, from.lat, Infinity, best + TIE_SEARCH_KM)) {
    if (i < winner && distanceKm(from, points[i] as LatLon) === best) winner = i;
  }
  return winner;
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
