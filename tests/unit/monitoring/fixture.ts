// The real inventory and its IPAM plan, loaded once per test file, and a scratch directory helper.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { planIpam } from "../../../model/analyses/ipam.ts";
import { loadInventory, loadIpamLock } from "../../../model/load/index.ts";
import type { Inventory } from "../../../model/types.ts";

export const ROOT = resolve(import.meta.dirname, "../../..");

export async function realInventory(): Promise<{ inventory: Inventory; ipam: ReturnType<typeof planIpam> }> {
  const dir = join(ROOT, "inventory");
  const loaded = await loadInventory(dir);
  if (!loaded.ok)
    throw new Error(`inventory has problems: ${loaded.problems.map((p) => p.message).join("; ")}`);
  const lock = await loadIpamLock(dir);
  if (!lock.ok) throw new Error("ipam lock has problems");
  return { inventory: loaded.inventory, ipam: planIpam(loaded.inventory, lock.lock) };
}

export const scratch = (prefix: string) => mkdtempSync(join(tmpdir(), `${prefix}-`));
