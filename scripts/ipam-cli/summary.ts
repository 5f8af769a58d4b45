// The default output of scripts/ipam: how full each pool is and what this run would lock.
import Table from "cli-table3";
import type { IpamResult } from "../../model/analyses/ipam.ts";
import { additionLines, exhaustionLines, type LockAddition } from "./lock-diff.ts";

const SHOWN = 30;

export function renderSummary(plan: IpamResult, added: readonly LockAddition[], lockFile: string): string {
  const t = new Table({
    head: ["Pool", "Ranges", "Capacity", "Used", "Free", "Retired", "New"],
    style: { head: [], border: [] },
    chars: { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" },
  });
  for (const p of plan.pools)
    t.push([p.pool, p.ranges.join(", "), p.capacity, p.used, p.free, p.retired, p.added]);
  const out = ["IPAM plan", t.toString(), ""];
  if (added.length === 0) out.push(`No new allocations: ${lockFile} covers the inventory.`);
  else {
    // A first run adds hundreds; the terminal shows a screenful, --check and --write list them all.
    const shown = additionLines(added.slice(0, SHOWN));
    if (added.length > SHOWN)
      shown.push(`  ... and ${added.length - SHOWN} more (scripts/ipam --check lists them all)`);
    out.push(`New allocations this run (${added.length}), not yet in ${lockFile}:`, ...shown);
    out.push("", "Run scripts/ipam --write to lock them, then commit the lock with the inventory change.");
  }
  const exhausted = exhaustionLines(plan);
  if (exhausted.length > 0) out.push("", "Exhausted:", ...exhausted.map((l) => `  ${l}`));
  return `${out.join("\n")}\n`;
}
