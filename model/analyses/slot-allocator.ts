// A stable allocator of numbered slots (subnets, VLAN ids) to keys (site ids, link ids, tenants).
//
// Why a lock and not a pure function of the inventory: with a finite pool any pure function of the
// SET of keys must, on some insertion, hand a contested slot to the newcomer and move the old owner
// (hashing only makes that rare). So existing allocations are read from the lock and kept verbatim;
// only keys without one are placed. A new key's preferred slot is a hash of its id (so ids spread
// evenly and most allocations would survive even a lost lock), and collisions probe linearly
// upwards, wrapping. New keys are placed in sorted id order, so the same lock plus the same
// inventory always gives the same plan. Keys that disappeared keep their slot (retired): an address
// or VLAN that was in service is not handed to someone else while configs may still name it.
import { createHash } from "node:crypto";

export interface SlotAllocation {
  /** Every key with a slot: locked ones (live or retired) and newly placed ones. */
  slots: Map<string, number>;
  /** Keys from the lock no longer asked for, sorted. */
  retired: string[];
  /** Keys newly placed in this run, sorted. */
  added: string[];
  /** Keys that found no free slot, sorted. */
  unallocated: string[];
}

export function preferredSlot(salt: string, key: string, slotCount: number): number {
  const digest = createHash("sha256").update(`${salt}\u0000${key}`).digest();
  // 48 bits keep the modulo bias negligible for any pool this side of 2^32 slots.
  return digest.readUIntBE(0, 6) % slotCount;
}

/** The distinct keys in sorted order: what [...new Set(keys)].sort() gives. */
function uniqueSorted(keys: string[]): string[] {
  keys.sort();
  let n = 0;
  for (let i = 0; i < keys.length; i++) {
    if (i === 0 || keys[i] !== keys[n - 1]) keys[n++] = keys[i] as string;
  }
  keys.length = n;
  return keys;
}

export function allocateSlots(
  salt: string,
  keys: readonly string[],
  slotCount: number,
  locked: ReadonlyMap<string, number>,
): SlotAllocation {
  const used = new Uint8Array(slotCount);
  const slots = new Map<string, number>();
  for (const [key, slot] of [...locked].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
    if (!Number.isInteger(slot) || slot < 0 || slot >= slotCount) {
      throw new Error(`lock entry ${key} → slot ${slot} lies outside the pool (0..${slotCount - 1})`);
    }
    if (used[slot] === 1) {
      const owner = [...slots].find(([, s]) => s === slot)?.[0];
      throw new Error(`lock entries ${owner} and ${key} both hold slot ${slot}`);
    }
    used[slot] = 1;
    slots.set(key, slot);
  }
  // Without a lock (every benchmark run, and a first run) nothing can be retired, and the new keys
  // are found by sorting and dropping repeats: no Set of every key (half a million at scale).
  const wanted = locked.size === 0 ? undefined : new Set(keys);
  const retired = wanted === undefined ? [] : [...locked.keys()].filter((k) => !wanted.has(k)).sort();
  const fresh = uniqueSorted(keys.filter((k) => !locked.has(k)));
  let free = slotCount - locked.size;
  const added: string[] = [];
  const unallocated: string[] = [];
  for (const key of fresh) {
    if (free === 0) {
      unallocated.push(key);
      continue;
    }
    let slot = preferredSlot(salt, key, slotCount);
    while (used[slot] === 1) slot = slot + 1 === slotCount ? 0 : slot + 1;
    used[slot] = 1;
    free--;
    slots.set(key, slot);
    added.push(key);
  }
  return { slots, retired, added, unallocated };
}
