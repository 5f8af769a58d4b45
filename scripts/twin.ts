// scripts/twin up|down|status — the local twin data center, shaped by inventory/.
import { join } from "node:path";
import { parseArgs } from "node:util";
import { ROOT } from "../toolchain/paths.ts";
import { formatDuration, log } from "../toolchain/progress.ts";
import { down, paths, status, up } from "../twin/kwok.ts";
import { planTwin } from "../twin/plan.ts";
import { loadInventoryOrExit, parseArgsOrExit } from "./lib/cli.ts";
import { operatorStatus, stopAllOperators } from "./operator-background.ts";

const USAGE = `Usage: scripts/twin up|down|status [INVENTORY_DIR]

The local twin data center: one kwok cluster per inventory cluster, one fake node per server, API
servers on 127.0.0.1; files in .twin/.

  up                create or start the clusters and make their nodes the inventory's servers
  down              stop the background SmartService operator (npm start's), delete every twin
                    cluster, check each process it started has exited, remove .twin/
  status            (default) each cluster: running, stopped or absent, and the background
                    operator; exit 3 when not all clusters run
  INVENTORY_DIR     inventory directory (default: $BAUBAU_INVENTORY or inventory/ of this repository)
  -h, --help        show this help

Exit status: 0 on success; 1 on failure; 2 when the arguments are wrong; 3 from status when a
cluster is not running.`;

const COMMANDS = ["up", "down", "status"] as const;

const args = parseArgsOrExit((argv) => {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { help: { type: "boolean", short: "h", default: false } },
    strict: true,
    allowPositionals: true,
  });
  const [command = "status", inventory, ...extra] = positionals;
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new Error(`unknown command "${command}"; give one of: ${COMMANDS.join(", ")}`);
  }
  if (extra.length > 0) throw new Error(`unexpected argument(s): ${extra.join(" ")}`);
  return { help: values.help, command: command as (typeof COMMANDS)[number], inventory };
}, USAGE);

const say = (m: string) => log("twin", m);

async function plannedClusters(inventoryDir: string) {
  const inventory = await loadInventoryOrExit(inventoryDir, "nothing was started");
  return planTwin(inventory.datacenter);
}

async function main(): Promise<void> {
  const inventoryDir = args.inventory ?? process.env.BAUBAU_INVENTORY ?? join(ROOT, "inventory");
  const t0 = Date.now();
  switch (args.command) {
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
      // The operator's files are in .twin/, which down removes: stop it first.
      await stopAllOperators(say);
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
      for (const o of await operatorStatus()) {
        process.stdout.write(
          `${"".padEnd(12)} SmartService operator on ${o.cluster}: ${o.state}, pid ${o.operator.pid}, log ${o.operator.log}\n`,
        );
      }
      if (rows.some((r) => r.state !== "running")) process.exitCode = 3;
      break;
    }
  }
}

main().catch((err: unknown) => {
  say(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
