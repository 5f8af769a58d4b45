// The operator as a separate process (scripts/operator), as production runs it: its JSON log
// lines collected, its metrics address read from its first log line, stopped by signal.
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "../../../toolchain/paths.ts";
import { KUBECONFIG, waitFor } from "./kube.ts";

export interface LogLine {
  level: string;
  msg: string;
  [field: string]: unknown;
}

export interface OperatorProcess {
  child: ChildProcess;
  pid: number;
  logs: LogLine[];
  /** host:port of /metrics, /healthz, /readyz */
  address: string;
  exit: Promise<number | null>;
  waitForLog(what: string, match: (l: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  get(path: string): Promise<{ status: number; body: string }>;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Leader election in a test's own namespace with short timings (4 s lease, 3 s renew deadline, 1 s retry),
 * so a failover is seconds, not the production defaults' minutes.
 */
export function shortLease(namespace: string): string[] {
  return [
    "--leader-election-namespace",
    namespace,
    "--lease-duration",
    "4",
    "--renew-deadline",
    "3",
    "--retry-period",
    "1",
  ];
}

export async function startOperator(args: string[] = []): Promise<OperatorProcess> {
  const child = spawn(
    // The shim, as production runs it (its Node flags included); it execs node, so the pid is the operator's.
    join(ROOT, "scripts", "operator"),
    ["--kubeconfig", KUBECONFIG, "--metrics-bind-address", "127.0.0.1:0", ...args],
    { cwd: ROOT, env: process.env, stdio: ["ignore", "pipe", "pipe"] },
  );
  const logs: LogLine[] = [];
  let stderr = "";
  let pending = "";
  child.stdout?.on("data", (d: Buffer) => {
    pending += d.toString();
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) if (line.trim()) logs.push(JSON.parse(line) as LogLine);
  });
  child.stderr?.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  let exited = false;
  void exit.then(() => {
    exited = true;
  });
  const waitForLog = (what: string, match: (l: LogLine) => boolean, timeoutMs = 60_000) =>
    waitFor(
      `operator log: ${what}`,
      () => {
        if (exited) throw new Error(`operator exited; stderr: ${stderr.slice(-2000)}`);
        return logs.find(match);
      },
      timeoutMs,
    );
  // Generous: loading the operator is slow on a loaded machine.
  const serving = await waitForLog(
    "serving metrics",
    (l) => l.msg === "serving metrics and health probes",
    300_000,
  );
  const address = String(serving.address);
  return {
    child,
    pid: child.pid as number,
    logs,
    address,
    exit,
    waitForLog,
    async get(path) {
      const res = await fetch(`http://${address}${path}`);
      return { status: res.status, body: await res.text() };
    },
    async stop() {
      if (!exited) child.kill("SIGTERM");
      return exit;
    },
  };
}
