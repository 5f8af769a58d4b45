// Pipeline benchmark: for each size, a fresh worker process generates a synthetic national-scale
// inventory (deterministic, seeded) and times every stage of load + analyses + report, next to a
// JSON.parse baseline of the same records measured in the same run. Writes bench/results/pipeline.json.
//
//   npx tsx bench/pipeline.ts [--sizes 10000,50000,100000,500000] [--runs N] [--out FILE]
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { GOAL, STAGES, type Stage, type StageTime } from "./stages.ts";

interface SizeResult {
  sites: number;
  links: number;
  planSteps: number;
  yamlBytes: number;
  jsonBytes: number;
  generateMs: number;
  runs: number;
  baselineJson: StageTime;
  stages: Record<Stage, StageTime>;
  total: StageTime;
  /** The goal's stages, wall milliseconds, in each run (the medians above are per stage). */
  goalRunsWallMs: number[];
  maxRssMb: number;
}

const here = import.meta.dirname;
const { values } = parseArgs({
  options: {
    sizes: { type: "string" },
    runs: { type: "string" },
    out: { type: "string" },
    help: { type: "boolean", default: false },
  },
});
if (values.help) {
  process.stdout.write(
    "usage: scripts/bench [--sizes 10000,50000,100000,500000] [--runs N] [--out bench/results/pipeline.json]\n" +
      "Times every pipeline stage per size in a fresh process, with a JSON.parse baseline side by side.\n",
  );
  process.exit(0);
}
const sizes = (values.sizes ?? "10000,50000,100000,500000").split(",").map(Number);
const out = resolve(values.out ?? join(here, "results", "pipeline.json"));
// Small sizes finish in a second; three runs and the median keep one noisy run from deciding.
const runsFor = (n: number) => Number(values.runs ?? (n <= 100_000 ? 3 : 1));
// The 500k inventory parses into a few GB of objects; give the worker room rather than measure GC thrash.
const WORKER_HEAP_MB = 12_288;

const loadBefore = loadavg();
const results: SizeResult[] = [];
for (const sites of sizes) {
  process.stderr.write(`[bench] ${sites.toLocaleString("en-US")} sites: starting a fresh worker\n`);
  const started = performance.now();
  const stdout = execFileSync(
    process.execPath,
    [
      `--max-old-space-size=${WORKER_HEAP_MB}`,
      "--expose-gc",
      "--import",
      "tsx",
      join(here, "pipeline-worker.ts"),
      "--sites",
      String(sites),
      "--runs",
      String(runsFor(sites)),
    ],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 20 },
  );
  const result = JSON.parse(stdout.trim().split("\n").pop() as string) as SizeResult;
  results.push(result);
  process.stderr.write(
    `[bench] ${sites.toLocaleString("en-US")} sites: pipeline ${(result.total.wallMs / 1000).toFixed(2)} s wall, ` +
      `${(result.total.cpuMs / 1000).toFixed(2)} s CPU; worker took ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
  );
}

/** time(big) / time(small) per stage; linear growth gives big/small sites. */
function ratios(big: SizeResult, small: SizeResult) {
  const r = (b: StageTime, s: StageTime) => ({
    wall: Math.round((b.wallMs / s.wallMs) * 100) / 100,
    cpu: Math.round((b.cpuMs / s.cpuMs) * 100) / 100,
  });
  return {
    sizes: `${big.sites}/${small.sites}`,
    linear: big.sites / small.sites,
    baselineJson: r(big.baselineJson, small.baselineJson),
    stages: Object.fromEntries(STAGES.map((s) => [s, r(big.stages[s], small.stages[s])])),
    total: r(big.total, small.total),
  };
}

const bySites = new Map(results.map((r) => [r.sites, r]));
const pairs: [number, number][] = [
  [500_000, 50_000],
  [100_000, 10_000],
  [50_000, 10_000],
];
const goalRun = bySites.get(GOAL.sites);
const report = {
  benchmark: "pipeline",
  command: "npx tsx bench/pipeline.ts",
  measuredAt: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? "unknown",
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    // Other work on the machine inflates wall time, not CPU time; the load average says how much there was.
    loadAverageBefore: loadBefore.map((l) => Math.round(l * 100) / 100),
    loadAverageAfter: loadavg().map((l) => Math.round(l * 100) / 100),
  },
  stages: STAGES,
  results,
  ratios: pairs
    .filter(([b, s]) => bySites.has(b) && bySites.has(s))
    .map(([b, s]) => ratios(bySites.get(b) as SizeResult, bySites.get(s) as SizeResult)),
  goal: goalRun
    ? (() => {
        const sum = (key: keyof StageTime) =>
          GOAL.stages.reduce((acc, st) => acc + goalRun.stages[st][key], 0);
        return {
          sites: GOAL.sites,
          stages: GOAL.stages,
          wallMsLimit: GOAL.wallMs,
          wallMs: Math.round(sum("wallMs")),
          cpuMs: Math.round(sum("cpuMs")),
          met: sum("wallMs") < GOAL.wallMs,
          runsWallMs: goalRun.goalRunsWallMs.map(Math.round),
          everyRunMet: goalRun.goalRunsWallMs.every((ms) => ms < GOAL.wallMs),
          allStagesWallMs: Math.round(goalRun.total.wallMs),
          allStagesCpuMs: Math.round(goalRun.total.cpuMs),
        };
      })()
    : null,
};

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
// The repository's formatter checks every JSON file; formatting here keeps a re-run's diff to the figures.
// (Only inside the repository: biome refuses files outside the project it configures.)
if (!relative(join(here, ".."), out).startsWith("..")) {
  execFileSync(join(here, "..", "node_modules", ".bin", "biome"), ["format", "--write", out], {
    stdio: "ignore",
  });
}
process.stderr.write(`[bench] wrote ${out}\n`);
