// Times the whole `scripts/coverage --inventory FILE` command as a user runs it (bash shim, Node start,
// reading the file, loading, analyses, the terminal table), in a child process. CPU time comes from
// the children's totals in /proc/self/stat, which include a child once it has been waited for.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const TICKS_PER_SECOND = 100;

/** User + system CPU milliseconds of the children this process has waited for (Linux). */
export function childrenCpuMs(): number {
  // Fields after the command name (which may hold spaces, so split after its closing parenthesis).
  const stat = readFileSync("/proc/self/stat", "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // cutime and cstime are fields 16 and 17 of the whole line, 14 and 15 after the name and state.
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / TICKS_PER_SECOND;
}

export interface CommandTime {
  wallMs: number;
  cpuMs: number;
}

export function timeCoverageCommand(root: string, inventory: string): CommandTime {
  const cpu = childrenCpuMs();
  const start = performance.now();
  const run = spawnSync(join(root, "scripts", "coverage"), ["--inventory", inventory], {
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
  });
  const wallMs = performance.now() - start;
  if (run.status !== 0) throw new Error(`scripts/coverage --inventory ${inventory} failed:\n${run.stderr}`);
  return { wallMs, cpuMs: childrenCpuMs() - cpu };
}
