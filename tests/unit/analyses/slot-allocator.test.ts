import { describe, expect, it } from "vitest";
import { allocateSlots } from "../../../model/analyses/slot-allocator.ts";
import { prng } from "./random-network.ts";

describe("allocateSlots", () => {
  it("places repeated and unsorted keys once each, in sorted order, with or without a lock", () => {
    const rand = prng(9);
    const keys = Array.from({ length: 400 }, () => `k-${Math.floor(rand() * 150)}`);
    const distinct = [...new Set(keys)].sort();
    const before = [...keys];
    const free = allocateSlots("test", keys, 100, new Map());
    expect(keys).toEqual(before);
    expect([...free.added, ...free.unallocated].sort()).toEqual(distinct);
    expect(free.added).toEqual([...free.added].sort());
    expect(free.unallocated).toEqual([...free.unallocated].sort());
    expect(free.added.length).toBe(100);
    expect(free.retired).toEqual([]);

    const locked = new Map([
      ["gone", 3],
      [distinct[0] as string, 7],
    ]);
    const withLock = allocateSlots("test", keys, 100, locked);
    expect(withLock.retired).toEqual(["gone"]);
    expect(withLock.slots.get(distinct[0] as string)).toBe(7);
    expect([...withLock.added, ...withLock.unallocated].sort()).toEqual(distinct.slice(1));
  });
});
