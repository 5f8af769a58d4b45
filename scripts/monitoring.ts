// scripts/monitoring up|down|status|site — Prometheus, Alertmanager, the blackbox exporter, the KPI
// exporter (Command Center at /) and the site stand-ins as local processes on 127.0.0.1, from the
// configs generated from the inventory; files in .monitoring/.
import { join } from "node:path";
import { parseArgs } from "node:util";
import { isAlive } from "../monitoring/local/processes.ts";
import { downMonitoring, readState, setSite, upMonitoring } from "../monitoring/local/stack.ts";
import { ROOT } from "../toolchain/paths.ts";
import { formatDuration, log } from "../toolchain/progress.ts";
import { isHealthy, paths } from "../twin/kwok.ts";
import { planTwin } from "../twin/plan.ts";
import { loadInventoryOrExit, parseArgsOrExit } from "./lib/cli.ts";

const USAGE = `Usage: scripts/monitoring up|down|status|site [options]

The monitoring stack for the twin, as local processes on 127.0.0.1 (files in .monitoring/).

  up [--operator HOST:PORT] [--for-scale F] [--scrape-interval D]
                    start the site stand-ins, blackbox exporter, KPI exporter, Alertmanager and
                    Prometheus; the running twin clusters' API servers are scraped and the exporter
                    reads SmartServices from the cluster most catalog services run on
  down              stop every process up started (by pid) and forget the state
  status            (default) each process and its URL; exit 3 when something is not running
  site down|up ID   fault drill: stop or restart a site's stand-in (its probe fails / recovers)
  --inventory DIR   inventory directory (default: $BAUBAU_INVENTORY or inventory/ of this repository)
  --operator        the SmartService operator's metrics address, scraped as job smartservice-operator
  --for-scale F     multiply the rules' for: durations (default 0.05: SiteUnreachable after 6s)
  --scrape-interval D  Prometheus scrape and rule interval (default 2s)
  -h, --help        show this help

Exit status: 0 on success; 1 on failure; 2 when the arguments are wrong; 3 from status when not running.`;

const COMMANDS = ["up", "down", "status", "site"] as const;
const DIR = join(ROOT, ".monitoring");

const args = parseArgsOrExit((argv) => {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      help: { type: "boolean", short: "h", default: false },
      inventory: { type: "string" },
      operator: { type: "string" },
      "for-scale": { type: "string", default: "0.05" },
      "scrape-interval": { type: "string", default: "2s" },
    },
    strict: true,
    allowPositionals: true,
  });
  const [command = "status", ...rest] = positionals;
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new Error(`unknown command "${command}"; give one of: ${COMMANDS.join(", ")}`);
  }
  if (command === "site" && (rest.length !== 2 || !["up", "down"].includes(rest[0] ?? ""))) {
    throw new Error("site needs: site down ID or site up ID");
  }
  if (command !== "site" && rest.length > 0) throw new Error(`unexpected argument(s): ${rest.join(" ")}`);
  const forScale = Number(values["for-scale"]);
  if (!(forScale > 0 && forScale <= 1))
    throw new Error(`--for-scale ${values["for-scale"]}: expected a number in (0, 1]`);
  if (values.operator !== undefined && !/^[A-Za-z0-9.-]+:\d{1,5}$/.test(values.operator)) {
    throw new Error(`--operator ${values.operator}: expected host:port`);
  }
  return { ...values, help: values.help, command: command as (typeof COMMANDS)[number], rest, forScale };
}, USAGE);

const say = (m: string) => log("monitoring", m);

async function main(): Promise<void> {
  const inventoryDir = args.inventory ?? process.env.BAUBAU_INVENTORY ?? join(ROOT, "inventory");
  const t0 = Date.now();
  switch (args.command) {
    case "up": {
      const inventory = await loadInventoryOrExit(inventoryDir, "nothing was started");
      const clusters = planTwin(inventory.datacenter).map((c) => c.name);
      const running: string[] = [];
      for (const c of clusters) if (await isHealthy(c)) running.push(c);
      const missing = clusters.filter((c) => !running.includes(c));
      if (missing.length)
        say(`twin clusters not running (not scraped): ${missing.join(", ")} — scripts/twin up starts them`);
      // The cluster most data-center services run on holds the SmartServices.
      const counts = new Map<string, number>();
      for (const s of inventory.services)
        if (s.workload) counts.set(s.workload.cluster, (counts.get(s.workload.cluster) ?? 0) + 1);
      const servicesCluster = [...counts]
        .sort((a, b) => b[1] - a[1])
        .map(([c]) => c)
        .find((c) => running.includes(c));
      const state = await upMonitoring({
        dir: DIR,
        inventoryDir,
        kubeconfigs: Object.fromEntries(running.map((c) => [c, paths.kubeconfig(c)])),
        ...(servicesCluster ? { servicesCluster } : {}),
        ...(args.operator ? { operatorTargets: [args.operator] } : {}),
        scrapeInterval: args["scrape-interval"],
        forScale: args.forScale,
        detached: true,
        log: say,
      });
      say(
        `up in ${formatDuration(Date.now() - t0)}: ${state.sites.length} site stand-ins on 127.72.x.y:${state.standInPort}`,
      );
      for (const [name, url] of Object.entries(state.urls))
        process.stdout.write(`${name.padEnd(13)} ${url}\n`);
      process.stdout.write(`Command Center: ${state.urls.exporter}/\n`);
      break;
    }
    case "down": {
      const stopped = await downMonitoring(DIR);
      say(
        stopped.length
          ? `stopped ${stopped.join(", ")} in ${formatDuration(Date.now() - t0)}`
          : "nothing was running",
      );
      break;
    }
    case "status": {
      const state = readState(DIR);
      if (!state) {
        process.stdout.write("not running — scripts/monitoring up starts it\n");
        process.exitCode = 3;
        break;
      }
      for (const p of state.processes) {
        const alive = isAlive(p.pid);
        if (!alive) process.exitCode = 3;
        process.stdout.write(
          `${p.name.padEnd(18)} ${alive ? "running" : "EXITED "} pid ${p.pid}  log ${p.log}\n`,
        );
      }
      for (const [name, url] of Object.entries(state.urls))
        process.stdout.write(`${name.padEnd(18)} ${url}\n`);
      break;
    }
    case "site": {
      const state = readState(DIR);
      if (!state) throw new Error("monitoring is not running: scripts/monitoring up");
      const [to, site] = args.rest as ["up" | "down", string];
      await setSite(state, site, to);
      say(`site ${site}: stand-in ${to === "down" ? "stopped (its probe fails)" : "listening again"}`);
      break;
    }
  }
}

main().catch((err: unknown) => {
  say(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
