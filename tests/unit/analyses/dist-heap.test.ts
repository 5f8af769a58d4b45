import { describe, expect, it } from "vitest";
import { DistHeap } from "../../../model/analyses/dist-heap.ts";
import { prng } from "./random-network.ts";

describe("DistHeap", () => {
  it("pops pairs by key, then node, with their payloads, across interleaved pushes and pops", () => {
    const rand = prng(5);
    const heap = new DistHeap();
    const model: Array<[number, number, number]> = [];
    const order = (x: [number, number, number], y: [number, number, number]) => x[0] - y[0] || x[1] - y[1];
    for (let step = 0; step < 20_000; step++) {
      if (model.length === 0 || rand() < 0.6) {
        // Few distinct keys and nodes: many ties, and repeated pairs as lazy deletion makes.
        const entry: [number, number, number] = [Math.floor(rand() * 50) / 4, Math.floor(rand() * 300), step];
        heap.push(entry[0], entry[1], entry[2]);
        model.push(entry);
      } else {
        model.sort(order);
        const [d, u] = model[0] as [number, number, number];
        expect(heap.peekKey()).toBe(d);
        const payload = heap.peekPayload();
        expect(heap.pop()).toBe(u);
        // Equal pairs may come out in any order, but each with its own payload.
        const k = model.findIndex((e) => e[0] === d && e[1] === u && e[2] === payload);
        expect(k).toBeGreaterThanOrEqual(0);
        model.splice(k, 1);
      }
      expect(heap.size).toBe(model.length);
    }
    // The model sorts on every pop: seconds of CPU, over vitest's 5 s default on a loaded 2-core machine.
  }, 60_000);
});
