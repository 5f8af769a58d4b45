// Great-circle arithmetic exactly as geokdbush 2.1 writes it (same operations in the same order, so
// the same bits): the nearest-point search must rank and break ties as geokdbush's `around` does.

export const RAD = Math.PI / 180;

export function haverSin(theta: number): number {
  const s = Math.sin(theta / 2);
  return s * s;
}

export function haverSinDistPartial(
  haverSinDLng: number,
  cosLat1: number,
  lat1: number,
  lat2: number,
): number {
  return cosLat1 * Math.cos(lat2 * RAD) * haverSinDLng + haverSin((lat1 - lat2) * RAD);
}

export function haverSinDist(
  lng1: number,
  lat1: number,
  lng2: number,
  lat2: number,
  cosLat1: number,
): number {
  const haverSinDLng = haverSin((lng1 - lng2) * RAD);
  return haverSinDistPartial(haverSinDLng, cosLat1, lat1, lat2);
}

export function vertexLat(lat: number, haverSinDLng: number): number {
  const cosDLng = 1 - 2 * haverSinDLng;
  if (cosDLng <= 0) return lat > 0 ? 90 : -90;
  return Math.atan(Math.tan(lat * RAD) / cosDLng) / RAD;
}

/** geokdbush's lower bound from the query point to anything inside a box. */
export function boxDist(
  lng: number,
  lat: number,
  cosLat: number,
  minLng: number,
  minLat: number,
  maxLng: number,
  maxLat: number,
): number {
  if (lng >= minLng && lng <= maxLng) {
    if (lat < minLat) return haverSin((lat - minLat) * RAD);
    if (lat > maxLat) return haverSin((lat - maxLat) * RAD);
    return 0;
  }
  const haverSinDLng = Math.min(haverSin((lng - minLng) * RAD), haverSin((lng - maxLng) * RAD));
  const extremumLat = vertexLat(lat, haverSinDLng);
  if (extremumLat > minLat && extremumLat < maxLat) {
    return haverSinDistPartial(haverSinDLng, cosLat, lat, extremumLat);
  }
  return Math.min(
    haverSinDistPartial(haverSinDLng, cosLat, lat, minLat),
    haverSinDistPartial(haverSinDLng, cosLat, lat, maxLat),
  );
}
