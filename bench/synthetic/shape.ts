// How a synthetic network of N sites is laid out: kecamatan, PoPs and cores scale with N the way a
// national roll-out would (one PoP per ~200 sites, one core per ~10 kecamatan), within the limits the
// schema sets (kecamatan codes 74.72.01..99).
export interface SyntheticShape {
  sites: number;
  kecamatan: number;
  pops: number;
  cores: number;
  served: number;
}

export const SITES_PER_POP = 200;
const SITES_PER_KECAMATAN = 5000;
const MAX_KECAMATAN = 99;

export function shapeFor(sites: number): SyntheticShape {
  const kecamatan = Math.min(MAX_KECAMATAN, Math.max(4, Math.ceil(sites / SITES_PER_KECAMATAN)));
  const cores = Math.max(2, Math.ceil(kecamatan / 10));
  // At least one PoP per kecamatan so every kecamatan has a hub.
  const pops = Math.max(kecamatan, Math.ceil(sites / SITES_PER_POP));
  return { sites, kecamatan, pops, cores, served: sites - pops - cores };
}
