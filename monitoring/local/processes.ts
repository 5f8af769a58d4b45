// Local processes of the monitoring stack: started with their output in a log file, recorded by pid,
// waited on by a readiness URL (never a fixed sleep), stopped by pid with SIGTERM and, if they do not
// exit in time, SIGKILL.
import { spawn } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { createServer } from "node:net";

export interface Started {
  name: string;
  pid: number;
  log: string;
}

export function startProcess(
  name: string,
  cmd: string,
  args: readonly string[],
  log: string,
  detached: boolean,
): Started {
  const out = openSync(log, "a");
  const child = spawn(cmd, [...args], { stdio: ["ignore", out, out], detached, env: process.env });
  closeSync(out);
  if (child.pid === undefined) throw new Error(`${name}: could not start ${cmd}`);
  if (detached) child.unref();
  return { name, pid: child.pid, log };
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` with a growing pause until it holds; fails with the process's last log lines. */
export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
  p?: Started,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let delay = 50;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (p && !isAlive(p.pid)) throw new Error(`${p.name} exited while waiting for ${what}:\n${tail(p.log)}`);
    if (Date.now() > deadline)
      throw new Error(
        `timed out after ${timeoutMs / 1000}s waiting for ${what}${p ? `:\n${tail(p.log)}` : ""}`,
      );
    await pause(delay);
    delay = Math.min(delay * 2, 500);
  }
}

export const httpOk = (url: string) => async () =>
  (await fetch(url, { signal: AbortSignal.timeout(2000) })).ok;

function tail(file: string): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-15).join("\n");
  } catch {
    return "(no log)";
  }
}

export async function stopProcess(p: Pick<Started, "name" | "pid">, timeoutMs = 10_000): Promise<void> {
  if (!isAlive(p.pid)) return;
  process.kill(p.pid, "SIGTERM");
  const deadline = Date.now() + timeoutMs;
  while (isAlive(p.pid) && Date.now() < deadline) await pause(50);
  if (isAlive(p.pid)) {
    process.kill(p.pid, "SIGKILL");
    while (isAlive(p.pid)) await pause(50);
  }
}

/** A port free on 127.0.0.1 right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      const port = typeof address === "object" && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}
