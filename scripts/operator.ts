// Entry point: the SmartService operator. Thin: argument parsing and signals here, the operator
// in operators/smart-service/operator.ts. SIGTERM/SIGINT: finish the reconciles in flight,
// release the lease, exit 0. Lost leadership: exit 1 (a supervisor restarts the process).
// start/stop/status manage it as the twin's background process (scripts/operator-background.ts).
// The shim runs this file on Node's own type stripping, not tsx: the operator's resident memory has
// a goal (docs/operator.md), and tsx's compiler and source maps cost tens of MB in every process.
// So everything this file loads statically must be erasable TypeScript (no enums, namespaces or
// parameter properties) and leave out the model's loader and the twin's tooling.
import { existsSync } from "node:fs";
import { jsonLogger } from "../operators/runtime/log.ts";
import { createOperator } from "../operators/smart-service/operator.ts";
import { fail, parseArgsOrExit } from "./lib/args.ts";
import { parseOperatorArgs, USAGE } from "./operator-args.ts";

const args = parseArgsOrExit(parseOperatorArgs, USAGE);
if (args.command !== "run") {
  // Loaded only here: the operator process itself does not need the twin's tooling, which is not
  // all erasable TypeScript, so tsx compiles it (a no-op when tsx already runs this file).
  const { register } = await import("tsx/esm/api");
  register();
  const { background } = await import("./operator-background-cli.ts");
  process.exit(await background(args.command, args.cluster, args.workers));
}
if (args.kubeconfig !== "in-cluster" && !existsSync(args.kubeconfig)) {
  fail(`kubeconfig ${args.kubeconfig} does not exist (is the twin up? scripts/twin up)`);
}
const log = jsonLogger({ level: args.level, write: (line) => process.stdout.write(line) });
let manager: ReturnType<typeof createOperator>;
try {
  manager = createOperator({
    kubeconfig: args.kubeconfig,
    log,
    workers: args.workers,
    bind: { host: args.host, port: args.port },
    leaderElection: args.leaderElect && {
      namespace: args.leaseNamespace,
      name: args.leaseName,
      leaseDurationMs: args.leaseMs,
      renewDeadlineMs: args.renewMs,
      retryPeriodMs: args.retryMs,
    },
    informer: { quietMs: args.quietMs },
  });
} catch (err) {
  fail(`cannot start the operator: ${(err as Error).message}`);
}
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    log.info("signal received", { signal });
    void manager.shutdown().then(() => process.exit(0));
  });
}
const outcome = await manager.run().catch((err) => {
  log.error("operator failed", { error: err });
  return "failed" as const;
});
if (outcome !== "stopped") {
  await manager.shutdown();
  process.exit(1);
}
