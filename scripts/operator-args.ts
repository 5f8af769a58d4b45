// scripts/operator's arguments: parsed and checked here (precise messages, nothing started), so
// the entry point stays thin and the rules are unit-tested without a process. Loaded by the
// operator process, which runs on Node's own type stripping: nothing here may pull in the twin's
// tooling (twin/kwok.ts loads zx) or the model's loader.
import { join } from "node:path";
import { parseArgs } from "node:util";
import { OPERATOR_LEASE } from "../charts/operator.ts";
import type { Level } from "../operators/runtime/log.ts";
import { TWIN_DIR } from "../toolchain/paths.ts";

/** A twin cluster's kubeconfig: twin/kwok.ts's `paths.kubeconfig` (a unit test holds them equal). */
export const twinKubeconfig = (cluster: string) => join(TWIN_DIR, "kubeconfigs", `${cluster}.yaml`);

export const USAGE = `usage: scripts/operator [run] [options]
       scripts/operator start|stop|status [--cluster NAME]

Runs the SmartService operator against a cluster (default: the twin's dc-prod).

  run (default)                     in the foreground, JSON log lines on stdout
  start                             in the background against a twin cluster (scripts/start does
                                    this): log in .twin/operator/<cluster>.log; one already running
                                    there is kept
  stop                              stop the background operator of --cluster, or of every cluster
  status                            the background operators: pid, metrics address, log; exit 3
                                    when one is recorded but not running

  --kubeconfig FILE                 kubeconfig to use (default: .twin/kubeconfigs/<cluster>.yaml)
  --cluster NAME                    twin cluster whose kubeconfig to use (default: dc-prod)
  --in-cluster                      use the pod's service account (production)
  --workers N                       concurrent reconciles, 1..256 (default: 8)
  --metrics-bind-address HOST:PORT  /metrics, /healthz, /readyz (default: 127.0.0.1:8080; port 0 = any free port)
  --no-leader-elect                 reconcile without a Lease (a single replica)
  --leader-election-namespace NS    namespace of the Lease (default: $POD_NAMESPACE or kube-system)
  --leader-election-id NAME         name of the Lease (default: smartservice-operator)
  --lease-duration S                seconds (default: 15)
  --renew-deadline S                seconds (default: 10)
  --retry-period S                  seconds (default: 2)
  --watch-quiet-timeout S           reconnect a watch that hears nothing this long (default: 90)
  --log-level debug|info|error      (default: info)
  -h, --help`;

export const COMMANDS = ["run", "start", "stop", "status"] as const;
export type OperatorCommand = (typeof COMMANDS)[number];

export interface OperatorArgs {
  help?: boolean;
  command: OperatorCommand;
  /** The twin cluster named with --cluster (start/stop/status). */
  cluster?: string;
  kubeconfig: string;
  workers: number;
  host: string;
  port: number;
  leaderElect: boolean;
  leaseNamespace: string;
  leaseName: string;
  leaseMs: number;
  renewMs: number;
  retryMs: number;
  quietMs: number;
  level: Level;
}

function positive(
  flag: string,
  value: string | undefined,
  fallback: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? "a positive number" : `a number in (0, ${max}]`;
    throw new Error(`--${flag}: expected ${range}, got "${value}"`);
  }
  return n;
}

export function parseOperatorArgs(argv: string[]): OperatorArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      help: { type: "boolean", short: "h" },
      kubeconfig: { type: "string" },
      cluster: { type: "string" },
      "in-cluster": { type: "boolean" },
      workers: { type: "string" },
      "metrics-bind-address": { type: "string" },
      "no-leader-elect": { type: "boolean" },
      "leader-election-namespace": { type: "string" },
      "leader-election-id": { type: "string" },
      "lease-duration": { type: "string" },
      "renew-deadline": { type: "string" },
      "retry-period": { type: "string" },
      "watch-quiet-timeout": { type: "string" },
      "log-level": { type: "string" },
    },
  });
  const [command = "run", ...extra] = positionals;
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new Error(`unknown command "${command}"; give one of: ${COMMANDS.join(", ")}`);
  }
  if (extra.length > 0) throw new Error(`unexpected argument(s): ${extra.join(" ")}`);
  if (command !== "run") {
    // The background operator is the twin's: only which cluster (and, to start, how many workers).
    const allowed = new Set(["help", "cluster", ...(command === "start" ? ["workers"] : [])]);
    const other = Object.keys(values).filter((k) => !allowed.has(k));
    if (other.length > 0) {
      throw new Error(
        `${command} takes --cluster${command === "start" ? " and --workers" : ""}, not --${other[0]}`,
      );
    }
  }
  if ([values.kubeconfig, values.cluster, values["in-cluster"]].filter(Boolean).length > 1) {
    throw new Error("give one of --kubeconfig, --cluster and --in-cluster");
  }
  const kubeconfig = values["in-cluster"]
    ? "in-cluster"
    : (values.kubeconfig ?? twinKubeconfig(values.cluster ?? "dc-prod"));
  const bind = values["metrics-bind-address"] ?? "127.0.0.1:8080";
  const m = /^(.+):(\d{1,5})$/.exec(bind);
  if (!m || Number(m[2]) > 65535)
    throw new Error(`--metrics-bind-address: expected HOST:PORT, got "${bind}"`);
  const level = values["log-level"] ?? "info";
  if (!["debug", "info", "error"].includes(level)) {
    throw new Error(`--log-level: expected debug, info or error, got "${level}"`);
  }
  const workers = positive("workers", values.workers, 8, 256);
  if (!Number.isInteger(workers))
    throw new Error(`--workers: expected a whole number, got "${values.workers}"`);
  return {
    help: values.help,
    command: command as OperatorCommand,
    cluster: values.cluster,
    kubeconfig,
    workers,
    host: m[1] as string,
    port: Number(m[2]),
    leaderElect: !values["no-leader-elect"],
    leaseNamespace: values["leader-election-namespace"] ?? process.env.POD_NAMESPACE ?? "kube-system",
    leaseName: values["leader-election-id"] ?? OPERATOR_LEASE,
    leaseMs: positive("lease-duration", values["lease-duration"], 15) * 1000,
    renewMs: positive("renew-deadline", values["renew-deadline"], 10) * 1000,
    retryMs: positive("retry-period", values["retry-period"], 2) * 1000,
    quietMs: positive("watch-quiet-timeout", values["watch-quiet-timeout"], 90) * 1000,
    level: level as Level,
  };
}
