// scripts/start — the main job on the embedded default: setup, the twin data center up, the `twin`
// stack deployed to it by the real Pulumi engine with a file backend (its services as SmartService
// objects), the SmartService operator running against the twin in the background until every one
// is Ready, then a summary (see --help).
import { join } from "node:path";
import { parseArgs } from "node:util";
import { formatProblems, loadInventory } from "../model/load/index.ts";
import { planDataCenter } from "../stacks/plan.ts";
import { bin, ROOT } from "../toolchain/paths.ts";
import { $ } from "../toolchain/process.ts";
import { formatDuration, log, Steps } from "../toolchain/progress.ts";
import { PULUMI_PARALLEL } from "../toolchain/pulumi-engine.ts";
import { ensureFileBackend, pulumiEnv } from "../toolchain/pulumi-state.ts";
import { up } from "../twin/kwok.ts";
import { planTwin } from "../twin/plan.ts";
import { parseArgsOrExit } from "./lib/cli.ts";
import { startOperator, waitForSmartServicesReady } from "./operator-background.ts";

const USAGE = `Usage: scripts/start

The main job on the embedded default: scripts/setup (what is missing is installed or built; the first
run takes about half an hour), the twin data center (scripts/twin up), then the real Pulumi engine
deploys the stack (BAUBAU_STACK, default twin) to it with the file backend in .pulumi-state/, its
city services as SmartService objects (config baubau:servicesViaOperator true), the SmartService
operator runs in the background against each twin cluster that has services (kwok runs no
containers, so not as a pod; log in .twin/operator/, stop it with scripts/operator stop or
scripts/twin down; a second run keeps the one running), every SmartService is waited on until
Ready, and a summary. Takes no arguments.

  -h, --help        show this help

Exit status: 0 when the stack is deployed and every SmartService is Ready; 1 when a step failed (it is named); 2 when the arguments
are wrong.`;

parseArgsOrExit(
  (args) =>
    parseArgs({
      args,
      options: { help: { type: "boolean", short: "h", default: false } },
      strict: true,
      allowPositionals: false,
    }).values,
  USAGE,
);

const STACK = process.env.BAUBAU_STACK ?? "twin";

/** Runs pulumi with its output on the terminal, or captured and returned. */
async function pulumi(args: string[], env: Record<string, string>, capture = false): Promise<string> {
  const result = await $({
    cwd: ROOT,
    env,
    stdio: ["ignore", capture ? "pipe" : "inherit", "inherit"],
    nothrow: true,
  })`${bin.pulumi} ${args}`;
  if (!result.ok) throw new Error(`pulumi ${args.join(" ")} exited ${result.exitCode}`);
  return result.stdout;
}

async function main(): Promise<void> {
  // Setup reports its own steps; it runs as its own process, as `scripts/setup` would.
  const setup = await $({
    stdio: ["ignore", "inherit", "inherit"],
    nothrow: true,
  })`${join(ROOT, "scripts/setup")}`;
  if (!setup.ok)
    throw new Error(`scripts/setup failed (exit ${setup.exitCode}; see above); nothing was started`);
  const steps = new Steps("start", 7);
  const inventory = await steps.run(
    "load inventory",
    async () => {
      const loaded = await loadInventory(join(ROOT, "inventory"));
      if (!loaded.ok) {
        process.stderr.write(`${formatProblems(loaded.problems)}\n`);
        throw new Error(`the inventory has ${loaded.problems.length} problem(s); nothing was deployed`);
      }
      return loaded.inventory;
    },
    (inv) => `${inv.sites.length} sites, ${inv.links.length} links, ${inv.datacenter.servers.length} servers`,
  );
  const twin = await steps.run(
    "twin up",
    () => up(planTwin(inventory.datacenter), (m) => log("twin", m)),
    (r) => r.map((c) => `${c.cluster} ${c.action} (${c.nodes} nodes)`).join(", "),
  );
  const state = await ensureFileBackend();
  const env = pulumiEnv(state);
  await steps.run(
    `select stack ${STACK}`,
    async () => {
      await pulumi(["stack", "select", "--create", STACK, "--non-interactive"], env);
      // The twin's services go through the operator, as production's do (docs/operator.md).
      await pulumi(["config", "set", "--stack", STACK, "baubau:servicesViaOperator", "true"], env);
      return env.PULUMI_BACKEND_URL as string;
    },
    (url) => `backend ${url}`,
  );
  // --refresh reads the cluster first, so `up` recreates what a recreated twin lacks instead of
  // trusting stale state; objects of a twin that no longer exists (its old API address is gone)
  // are dropped from the state rather than failing the refresh.
  const recreated = twin.some((c) => c.action === "created");
  const upEnv = recreated ? { ...env, PULUMI_K8S_DELETE_UNREACHABLE: "true" } : env;
  await steps.run("pulumi up", () =>
    pulumi(
      [
        "up",
        "--yes",
        "--non-interactive",
        "--refresh",
        "--parallel",
        String(PULUMI_PARALLEL),
        "--stack",
        STACK,
      ],
      upEnv,
    ),
  );
  const outputs = await steps.run(
    "stack outputs",
    async () =>
      JSON.parse(await pulumi(["stack", "output", "--json", "--stack", STACK], env, true)) as Record<
        string,
        unknown
      >,
    (o) => `${Object.keys(o).length} outputs`,
  );
  // Which cluster each deployed service runs on; the stack's outputs name its namespace.
  const clusterOf = new Map(
    planDataCenter(inventory).flatMap((c) =>
      c.namespaces.flatMap((n) => n.services.map((s) => [s.id, c.id])),
    ),
  );
  const expected = new Map<string, string[]>();
  for (const key of outputs.services as string[]) {
    const cluster = clusterOf.get(key.slice(key.indexOf("/") + 1)) as string;
    expected.set(cluster, [...(expected.get(cluster) ?? []), key]);
  }
  const operators = await steps.run(
    "SmartService operator",
    () => Promise.all([...expected.keys()].sort().map((c) => startOperator(c, (m) => log("operator", m)))),
    (started) =>
      started
        .map(
          ({ operator: o, reused }) =>
            `${o.cluster} ${reused ? "already running" : "started"} (pid ${o.pid}, metrics ${o.address})`,
        )
        .join(", ") || "no cluster runs services",
  );
  await steps.run(
    "every SmartService Ready",
    () =>
      Promise.all(
        [...expected].map(([c, keys]) => waitForSmartServicesReady(c, keys, (m) => log("operator", m))),
      ),
    () => `${(outputs.services as string[]).length} Ready`,
  );

  const lines = [
    "",
    `Summary (${formatDuration(steps.elapsed())})`,
    ...twin.map((c) => `  twin cluster ${c.cluster}: ${c.nodes} nodes, API ${c.server}`),
    `  stack ${STACK}: ${(outputs.services as string[]).length} services in ${(outputs.namespaces as string[]).length} namespaces, objects per layer ${JSON.stringify(outputs.resourcesPerLayer)}`,
    ...operators.map(
      ({ operator: o }) =>
        `  operator on ${o.cluster}: pid ${o.pid}, metrics http://${o.address}/metrics, log ${o.log}`,
    ),
    `  fiber-phase-1 coverage: ${JSON.stringify((outputs.coverage as Record<string, unknown>)["fiber-phase-1"])}`,
    `  state: ${env.PULUMI_BACKEND_URL}`,
    "  next: kubectl get smartservices -A (kubeconfigs in .twin/kubeconfigs/), scripts/coverage (fiber coverage report),",
    "        scripts/operator status|stop, scripts/twin status, scripts/twin down (stops the operator too)",
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

main().catch((err: unknown) => {
  log("start", err instanceof Error ? err.message : String(err));
  process.exit(1);
});
