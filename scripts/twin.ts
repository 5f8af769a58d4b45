// scripts/twin up|down|status — the local twin data center, shaped by inventory/.
import { join } from "node:path";
import { ROOT } from "../toolchain/paths.ts";
import { formatDuration, log } from "../toolchain/progress.ts";
import { down, paths, status, up } from "../twin/kwok.ts";
import { planTwin } from "../twin/plan.ts";
import { loadInventoryOrExit } from "./lib/cli.ts";

const say = (m: string) => log("twin", m);

async function plannedClusters(inventoryDir: string) {
  const inventory = await loadInventoryOrExit(inventoryDir, "nothing was started");
  return planTwin(inventory.datacenter);
}

async function main(): Promise<void> {
  const [command = "status", ...rest] = process.argv.slice(2);
  const inventoryDir = rest[0] ?? process.env.BAUBAU_INVENTORY ?? join(ROOT, "inventory");
  const t0 = Date.now();
  switch (command) {
    case "up": {
      const clusters = await plannedClusters(inventoryDir);
      const results = await up(clusters, say);
      for (const r of results) {
        say(
          `${r.cluster}: ${r.action}, ${r.nodes} nodes Ready, API ${r.server}, kubeconfig ${paths.kubeconfig(r.cluster)}`,
        );
      }
      say(`twin up in ${formatDuration(Date.now() - t0)}`);
      break;
    }
    case "down": {
      const result = await down(say);
      say(
        result.stopped.length
          ? `stopped ${result.stopped.join(", ")} (${result.processes} processes) and removed .twin/ in ${formatDuration(Date.now() - t0)}`
          : "nothing was running; .twin/ is clean",
      );
      break;
    }
    case "status": {
      const clusters = await plannedClusters(inventoryDir);
      const rows = await status(clusters.map((c) => c.name));
      for (const r of rows) {
        const detail =
          r.state === "running"
            ? `running, ${r.nodesReady}/${r.nodesTotal} nodes Ready, ${r.processes} processes, API ${r.server}`
            : r.state === "stopped"
              ? `stopped (API not answering; ${r.processes} processes alive) — run scripts/twin up`
              : "absent — run scripts/twin up";
        process.stdout.write(`${r.cluster.padEnd(12)} ${detail}\n`);
      }
      if (rows.some((r) => r.state !== "running")) process.exitCode = 3;
      break;
    }
    default:
      process.stderr.write("usage: scripts/twin up|down|status [inventory-dir]\n");
      process.exit(2);
  }
}

main().catch((err: unknown) => {
  say(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
