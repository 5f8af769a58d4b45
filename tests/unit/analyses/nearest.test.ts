// The planner's nearest connected node: geokdbush's search, and on an exact tie the smaller id (the
// point listed first, since the planner lists its points in id order).
import KDBush from "kdbush";
import { describe, expect, it } from "vitest";
import { distanceKm, nearestPoint } from "../../../model/analyses/geo.ts";
import { planRollout } from "../../../model/analyses/planner.ts";
import type { LatLon } from "../../../model/types.ts";
import { core, inventory, link, site, target } from "./fixtures.ts";
import { prng } from "./random-network.ts";

function indexed(points: readonly LatLon[], nodeSize?: number): KDBush {
  const kd = new KDBush(points.length, nodeSize);
  for (const p of points) kd.add(p.lon, p.lat);
  kd.finish();
  return kd;
}

/** The earliest point of smallest distance, by looking at every point. */
function bruteForce(points: readonly LatLon[], from: LatLon): number {
  let best = -1;
  let bestKm = Infinity;
  points.forEach((p, i) => {
    const km = distanceKm(from, p);
    if (km < bestKm) {
      bestKm = km;
      best = i;
    }
  });
  return best;
}

describe("nearestPoint", () => {
  for (const seed of [1, 2, 3]) {
    it(`is the earliest point of smallest distance on random points (seed ${seed})`, () => {
      const rand = prng(seed);
      const pt = (): LatLon => ({ lon: 115 + rand() * 13, lat: -9 + rand() * 8 });
      const points = Array.from({ length: 400 }, pt);
      const kd = indexed(points, 4);
      for (let q = 0; q < 200; q++) {
        const from = pt();
        expect(nearestPoint(kd, points, from)).toBe(bruteForce(points, from));
      }
    });
  }

  it("breaks an exact tie by the earlier point, whichever the kd-tree meets first", () => {
    // East and west by exactly a quarter degree on one latitude: the same distance to the bit.
    const east = { lon: 122.75, lat: -5.5 };
    const west = { lon: 122.25, lat: -5.5 };
    const from = { lon: 122.5, lat: -5.5 };
    expect(distanceKm(from, east)).toBe(distanceKm(from, west));
    expect(nearestPoint(indexed([east, west]), [east, west], from)).toBe(0);
    expect(nearestPoint(indexed([west, east]), [west, east], from)).toBe(0);
    // Copies of one point: the first copy.
    const copies = [west, east, east, west, east];
    expect(nearestPoint(indexed(copies, 2), copies, { lon: 122.7, lat: -5.5 })).toBe(1);
  });

  it("finds nothing in an empty index", () => {
    expect(nearestPoint(indexed([]), [], { lon: 1, lat: 1 })).toBe(-1);
  });
});

describe("the planner's tie rule", () => {
  const planned = { status: "planned", medium: "fiber" } as const;
  const school = (id: string, location: LatLon) => site(id, { location, connection: planned });

  it("connects a site equally far from two connected nodes to the one with the smaller id", () => {
    const inv = inventory({
      sites: [
        core("core-z", { location: { lon: 122.75, lat: -5.5 } }),
        core("core-a", { location: { lon: 122.25, lat: -5.5 } }),
        school("s1", { lon: 122.5, lat: -5.5 }),
      ],
      targets: [target("t", { categories: ["school"], authorities: ["city"], ratio: 1 })],
    });
    expect(planRollout(inv).steps.map((s) => [s.siteId, s.connectTo])).toEqual([["s1", "core-a"]]);
  });

  it("connects sites geocoded to one spot to the smallest id connected there, in id order", () => {
    const spot = { lon: 122.64, lat: -5.47 };
    const sites = [core("core-a", { location: { lon: 122.6, lat: -5.45 } })];
    const links = [];
    for (let i = 0; i < 40; i++) {
      const id = `s${String(i).padStart(2, "0")}`;
      sites.push(i % 10 === 3 ? site(id, { location: spot }) : school(id, spot));
      if (i % 10 === 3) links.push(link("core-a", id));
    }
    const inv = inventory({
      sites,
      links,
      targets: [target("t", { categories: ["school"], authorities: ["city"], ratio: 1 })],
    });
    const steps = planRollout(inv).steps;
    expect(steps).toHaveLength(36);
    // Everything on the spot is 0 km from s03, the smallest connected id there, until s00..s02 are
    // connected (cost 0, taken in id order): from then on s00 is the smallest id on the spot.
    expect(steps.slice(0, 4).map((s) => [s.siteId, s.connectTo, s.straightKm])).toEqual([
      ["s00", "s03", 0],
      ["s01", "s00", 0],
      ["s02", "s00", 0],
      ["s04", "s00", 0],
    ]);
    expect(new Set(steps.slice(1).map((s) => s.connectTo))).toEqual(new Set(["s00"]));
  });
});
