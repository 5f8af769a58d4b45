// What a run would add to the persisted lock. planIpam keeps every locked entry verbatim, so the only
// possible difference is new keys; anything else means the file is not in its written form.
import type { IpamLock, IpamResult } from "../../model/analyses/ipam.ts";

export type LockSection = keyof IpamLock;
export const LOCK_SECTIONS: readonly LockSection[] = ["sites", "links", "loopbacks", "tenantVlans"];

export interface LockAddition {
  section: LockSection;
  id: string;
  value: string | number;
}

export function lockAdditions(before: IpamLock, after: IpamLock): LockAddition[] {
  const added: LockAddition[] = [];
  for (const section of LOCK_SECTIONS) {
    const old = before[section] as Record<string, string | number>;
    for (const [id, value] of Object.entries(after[section] as Record<string, string | number>)) {
      if (!(id in old)) added.push({ section, id, value });
    }
  }
  return added;
}

/** Ids the inventory has and no pool could place: "<pool>: id, id". */
export function exhaustionLines(result: IpamResult): string[] {
  return result.pools
    .filter((p) => p.unallocated.length > 0)
    .map((p) => `${p.pool} pool (${p.ranges.join(", ")}) is full; no slot for: ${p.unallocated.join(", ")}`);
}

export function additionLines(added: readonly LockAddition[]): string[] {
  return added.map((a) => `  + ${a.section}.${a.id}: ${a.value}`);
}
