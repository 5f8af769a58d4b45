// Integration tests share one twin: start it when it is not running, and stop it afterwards
// only if this run started it.
import { join } from "node:path";
import { loadInventory } from "../../model/load/index.ts";
import { ROOT } from "../../toolchain/paths.ts";
import { down, isHealthy, up } from "../../twin/kwok.ts";
import { planTwin } from "../../twin/plan.ts";

let startedHere = false;

export async function setup(): Promise<void> {
  const loaded = await loadInventory(join(ROOT, "inventory"));
  if (!loaded.ok) throw new Error("the inventory does not load; run scripts/validate.ts");
  const clusters = planTwin(loaded.inventory.datacenter);
  const running = await Promise.all(clusters.map((c) => isHealthy(c.name)));
  startedHere = running.some((r) => !r);
  await up(clusters, (m) => process.stderr.write(`[twin] ${m}\n`));
}

export async function teardown(): Promise<void> {
  if (startedHere) await down((m) => process.stderr.write(`[twin] ${m}\n`));
}
