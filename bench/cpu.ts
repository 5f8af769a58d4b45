// CPU seconds from /proc, which other work on a shared machine does not inflate the way it inflates
// wall time. Linux reports these in USER_HZ, fixed at 100 per second for /proc on every architecture
// this project runs on.
import { readdirSync, readFileSync } from "node:fs";

const USER_HZ = 100;

/** Fields after the process name of /proc/<pid>/stat (the name may hold spaces and parentheses). */
function statFields(pid: number | "self"): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return undefined; // the process ended
  }
}

/**
 * CPU of this process's children that have ended and been waited for, and of theirs: the Pulumi CLI
 * with its language host and provider, kubectl. Fields 16-17 of stat (cutime, cstime).
 */
export function childrenCpuSeconds(): number {
  const f = statFields("self");
  return f ? (Number(f[13]) + Number(f[14])) / USER_HZ : 0;
}

/** CPU so far (utime + stime, fields 14-15) of every running process whose command line contains `marker`. */
export function processesCpuSeconds(marker: string): number {
  let ticks = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8");
    } catch {
      continue;
    }
    if (!cmdline.includes(marker)) continue;
    const f = statFields(Number(entry));
    if (f) ticks += Number(f[11]) + Number(f[12]);
  }
  return ticks / USER_HZ;
}
