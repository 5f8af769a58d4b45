// The city file is small, but every site leans on it: kecamatan and kelurahan ids must be unique
// and the bounding box must make sense before sites are checked against it.
import type { CheckContext } from "./context.ts";

export function checkCity(ctx: CheckContext): void {
  const city = ctx.data.city;
  if (!city) return;
  const { file, value } = city;
  const { bbox } = value;
  if (bbox.minLat >= bbox.maxLat) {
    ctx.report({ file, path: ["city", "bbox", "minLat"], message: "must be less than maxLat" });
  }
  if (bbox.minLon >= bbox.maxLon) {
    ctx.report({ file, path: ["city", "bbox", "minLon"], message: "must be less than maxLon" });
  }
  const kec = new Map<string, number>();
  const kel = new Map<string, [number, number]>();
  value.kecamatan.forEach((k, i) => {
    const seen = kec.get(k.id);
    if (seen !== undefined) {
      ctx.report({
        file,
        path: ["city", "kecamatan", i, "id"],
        message: `duplicate kecamatan id "${k.id}"`,
        related: { file, path: ["city", "kecamatan", seen, "id"] },
      });
    } else kec.set(k.id, i);
    k.kelurahan.forEach((l, j) => {
      const prev = kel.get(l.id);
      if (prev !== undefined) {
        ctx.report({
          file,
          path: ["city", "kecamatan", i, "kelurahan", j, "id"],
          message: `duplicate kelurahan id "${l.id}"; kelurahan ids are unique across the city`,
          related: { file, path: ["city", "kecamatan", prev[0], "kelurahan", prev[1], "id"] },
        });
      } else kel.set(l.id, [i, j]);
    });
    const c = k.centroid;
    if (c.lat < bbox.minLat || c.lat > bbox.maxLat || c.lon < bbox.minLon || c.lon > bbox.maxLon) {
      ctx.report({
        file,
        path: ["city", "kecamatan", i, "centroid"],
        message: "is outside the city's bounding box",
      });
    }
  });
}
