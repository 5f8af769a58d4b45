// The real inventory and its IPAM plan, loaded once per test file, a scratch directory helper, and
// how the tests run the real tools.
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
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

const run = promisify(execFile);

/** Runs one of the real tools (promtool, amtool, …) in `cwd`: whether it exited 0, and what it said. */
export async function runTool(
  cwd: string,
  cmd: string,
  args: string[],
): Promise<{ ok: boolean; out: string }> {
  try {
    const r = await run(cmd, args, { cwd });
    return { ok: true, out: r.stdout + r.stderr };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    return { ok: false, out: `${err.stdout ?? ""}${err.stderr ?? ""}` };
  }
}
