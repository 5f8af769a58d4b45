// What every benchmark records of the machine it ran on. Other work on a shared machine inflates wall
// time, not CPU time; the load average before and after a run says how much there was.
import { cpus, loadavg, totalmem } from "node:os";

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The 1, 5 and 15 minute load averages, to two decimals. */
export const loadAverage = (): number[] => loadavg().map(round2);

export function machine(loadAverageBefore?: number[]) {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? "unknown",
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    ...(loadAverageBefore ? { loadAverageBefore } : {}),
    loadAverageAfter: loadAverage(),
  };
}
