import { around } from "geokdbush";
import KDBush from "kdbush";
import { describe, expect, it } from "vitest";
import { NearestPoint } from "../../../model/analyses/nearest.ts";
import { prng } from "./random-network.ts";

type Point = [lon: number, lat: number];

function index(points: readonly Point[], nodeSize?: number): KDBush {
  const kd = new KDBush(points.length, nodeSize);
  for (const [lon, lat] of points) kd.add(lon, lat);
  kd.finish();
  return kd;
}

// The planner's results depend on which connected site is nearest, ties included, so NearestPoint
// must return exactly what geokdbush's around(index, lon, lat, 1) returns.
function expectSameAsAround(points: readonly Point[], queries: readonly Point[], nodeSize?: number) {
  const kd = index(points, nodeSize);
  const nearest = new NearestPoint(kd);
  for (const [lon, lat] of queries) {
    expect(nearest.nearest(lon, lat)).toBe(around(kd, lon, lat, 1)[0] ?? -1);
  }
}

describe("NearestPoint", () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`matches geokdbush on random points (seed ${seed})`, () => {
      const rand = prng(seed);
      const pt = (): Point => [115 + rand() * 13, -9 + rand() * 8];
      const points = Array.from({ length: 500 + seed * 300 }, pt);
      expectSameAsAround(points, Array.from({ length: 400 }, pt));
      expectSameAsAround(points, Array.from({ length: 200 }, pt), 4);
    });
  }

  for (const seed of [21, 22, 23]) {
    it(`matches geokdbush on clustered points, near and far queries (seed ${seed})`, () => {
      const rand = prng(seed);
      const centres = Array.from({ length: 12 }, (): Point => [115 + rand() * 13, -9 + rand() * 8]);
      const around = (spread: number) => (): Point => {
        const [lon, lat] = centres[Math.floor(rand() * centres.length)] as Point;
        // Six decimals, as inventories write them: exact repeats and near-ties happen.
        const r = (x: number) => Math.round(x * 1e6) / 1e6;
        return [r(lon + (rand() - 0.5) * spread), r(lat + (rand() - 0.5) * spread)];
      };
      const points = Array.from({ length: 3000 }, around(0.05));
      expectSameAsAround(points, Array.from({ length: 600 }, around(0.05)));
      expectSameAsAround(points, Array.from({ length: 200 }, around(3)));
      expectSameAsAround(points.slice(0, 7), Array.from({ length: 200 }, around(20)));
    });
  }

  it("breaks ties the way geokdbush does (duplicates and a regular grid)", () => {
    const rand = prng(11);
    const grid: Point[] = [];
    for (let i = 0; i < 40; i++) for (let j = 0; j < 40; j++) grid.push([122 + i * 0.01, -5.5 + j * 0.01]);
    // Every point three times: the nearest is always a tie between copies.
    const tripled = [...grid, ...grid, ...grid];
    const queries: Point[] = [
      ...grid,
      ...Array.from({ length: 300 }, (): Point => [122 + rand() * 0.4, -5.5 + rand() * 0.4]),
      // Midpoints are equidistant from two or four grid points.
      ...Array.from({ length: 200 }, (): Point => [122.005 + Math.floor(rand() * 39) * 0.01, -5.495]),
    ];
    expectSameAsAround(tripled, queries);
    expectSameAsAround(tripled, queries, 2);
  });

  it("handles tiny and far-away inputs", () => {
    expectSameAsAround(
      [[122.6, -5.47]],
      [
        [122.6, -5.47],
        [0, 0],
        [-179, 89],
      ],
    );
    expectSameAsAround(
      [
        [179.9, 0],
        [-179.9, 0],
        [0, 89.99],
        [0, -89.99],
      ],
      [
        [180, 0],
        [-180, 0],
        [90, 89],
        [10, -89],
        [0, 0],
      ],
    );
    expect(new NearestPoint(index([])).nearest(1, 1)).toBe(-1);
  });
});
