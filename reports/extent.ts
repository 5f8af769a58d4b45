// The area a map must show: the city's bounding box grown to include every site, so a site recorded
// outside the estimated city box is still drawn instead of silently clipped.
import type { BoundingBox } from "../model/types.ts";
import type { ReportView } from "./view.ts";

export function extent(view: ReportView): BoundingBox {
  let { minLat, maxLat, minLon, maxLon } = view.city.bbox;
  for (const { location } of view.sites) {
    if (location.lat < minLat) minLat = location.lat;
    if (location.lat > maxLat) maxLat = location.lat;
    if (location.lon < minLon) minLon = location.lon;
    if (location.lon > maxLon) maxLon = location.lon;
  }
  return { minLat, maxLat, minLon, maxLon };
}
