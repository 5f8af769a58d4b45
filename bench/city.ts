// The city's YAML inventory (inventory/, ~250 sites): what loading it costs a command, measured in
// fresh processes beside the pipeline benchmark. Goal (issue 8): it loads in under 300 ms. "Loads" is
// measured as a command sees it: importing the loader plus the first load in a new process; warm
// loads and the whole `scripts/validate` command (bash shim, Node, tsx, load, report) are kept beside.
import { execFileSync, spawnSync } from "node:child_process";
import { join } from "node:path";
import { type CommandTime, childrenCpuMs } from "./command.ts";
import type { StageTime } from "./stages.ts";

export const CITY_GOAL_MS = 300;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const medianTime = (ts: StageTime[]): StageTime => ({
  wallMs: median(ts.map((t) => t.wallMs)),
  cpuMs: median(ts.map((t) => t.cpuMs)),
});
const plus = (a: StageTime, b: StageTime): StageTime => ({
  wallMs: a.wallMs + b.wallMs,
  cpuMs: a.cpuMs + b.cpuMs,
});

export interface CityResult {
  runs: number;
  /** Import of the loader's modules in a fresh process. */
  import: StageTime;
  /** The first load after the import. */
  firstLoad: StageTime;
  /** Import + first load: what a command pays before it can use the inventory. */
  importAndFirstLoad: StageTime;
  importAndFirstLoadRuns: StageTime[];
  /** Later loads in the same process. */
  warmLoad: StageTime;
  /** `scripts/validate` end to end. */
  validateCommand: CommandTime;
  goalMs: number;
  goalMetWall: boolean;
  goalMetCpu: boolean;
}

export function measureCity(root: string, runs: number): CityResult {
  const processes = Array.from({ length: runs }, () => {
    const tsx = `file://${join(root, "node_modules", "tsx", "dist", "loader.mjs")}`;
    const out = execFileSync(process.execPath, ["--import", tsx, join(root, "bench", "city-load.ts")], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    });
    return JSON.parse(out.trim()) as { import: StageTime; first: StageTime; warm: StageTime[] };
  });
  const both = processes.map((p) => plus(p.import, p.first));
  const validate = Array.from({ length: runs }, () => {
    const cpu = childrenCpuMs();
    const start = performance.now();
    const run = spawnSync(join(root, "scripts", "validate"), [join(root, "inventory")], { stdio: "ignore" });
    if (run.status !== 0) throw new Error("scripts/validate failed on the city's inventory");
    return { wallMs: performance.now() - start, cpuMs: childrenCpuMs() - cpu };
  });
  const importAndFirstLoad = medianTime(both);
  return {
    runs,
    import: medianTime(processes.map((p) => p.import)),
    firstLoad: medianTime(processes.map((p) => p.first)),
    importAndFirstLoad,
    importAndFirstLoadRuns: both,
    warmLoad: medianTime(processes.flatMap((p) => p.warm)),
    validateCommand: medianTime(validate),
    goalMs: CITY_GOAL_MS,
    goalMetWall: importAndFirstLoad.wallMs < CITY_GOAL_MS,
    goalMetCpu: importAndFirstLoad.cpuMs < CITY_GOAL_MS,
  };
}
