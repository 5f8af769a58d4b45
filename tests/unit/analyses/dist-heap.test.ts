import { describe, expect, it } from "vitest";
import { DistHeap } from "../../../model/analyses/dist-heap.ts";
import { prng } from "./random-network.ts";

describe("DistHeap", () => {
  it("pops pairs by distance, then node, across interleaved pushes and pops", () => {
    const rand = prng(5);
    const heap = new DistHeap();
    const model: Array<[number, number]> = [];
    const order = (x: [number, number], y: [number, number]) => x[0] - y[0] || x[1] - y[1];
    for (let step = 0; step < 20_000; step++) {
      if (model.length === 0 || rand() < 0.6) {
        // Few distinct distances and nodes: many ties, and repeated pairs as lazy deletion makes.
        const pair: [number, number] = [Math.floor(rand() * 50) / 4, Math.floor(rand() * 300)];
        heap.push(pair[0], pair[1]);
        model.push(pair);
      } else {
        model.sort(order);
        const [d, u] = model.shift() as [number, number];
        expect(heap.peekKey()).toBe(d);
        expect(heap.pop()).toBe(u);
      }
      expect(heap.size).toBe(model.length);
    }
  });
});
