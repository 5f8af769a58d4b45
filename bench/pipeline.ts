// Pipeline benchmark: for each size and input format (OFDS package, NDJSON), a fresh worker process
// generates a synthetic national-scale inventory (deterministic, seeded), times every stage of load +
// analyses + report next to a JSON.parse baseline of the same records measured in the same run, and
// writes the inventory to a temporary folder; then the whole `scripts/coverage` command is timed on
// it. Writes bench/results/pipeline.json.
//
//   scripts/bench [--sizes 10000,50000,100000,500000] [--formats ofds,ndjson] [--runs N] [--city-runs N] [--out FILE]
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { parseArgsOrExit, usageError } from "../scripts/lib/cli.ts";
import { parseOptions } from "../scripts/lib/options.ts";
import { measureCity } from "./city.ts";
import { type CommandTime, timeCoverageCommand } from "./command.ts";
import { loadAverage, machine } from "./machine.ts";
import { GOAL, STAGES, type Stage, type StageTime } from "./stages.ts";
import { NETWORK_FILE, NETWORK_FORMATS, type SyntheticFormat } from "./synthetic/inventory-files.ts";

interface SizeResult {
  sites: number;
  format: SyntheticFormat;
  links: number;
  planSteps: number;
  inputBytes: number;
  jsonBytes: number;
  generateMs: number;
  runs: number;
  baselineJson: StageTime;
  stages: Record<Stage, StageTime>;
  total: StageTime;
  /** The goal's stages, wall milliseconds, in each run (the medians above are per stage). */
  goalRunsWallMs: number[];
  maxRssMb: number;
  /** `scripts/coverage --inventory FILE`, each run, and the median. */
  commandRuns: CommandTime[];
  command: CommandTime;
}

const here = import.meta.dirname;
const root = join(here, "..");
const USAGE = `Usage: scripts/bench [--sizes 10000,50000,100000,500000] [--formats ofds,ndjson] [--runs N] [--city-runs N]
                    [--out FILE]

Times every pipeline stage and the whole scripts/coverage command per size and format, each in a
fresh process, with a JSON.parse baseline side by side (docs/benchmarks.md).

  --sizes LIST    numbers of sites, comma-separated (default: 10000,50000,100000,500000)
  --formats LIST  ${NETWORK_FORMATS.join(", ")}, comma-separated (default: all)
  --runs N        runs per size and format; the median is reported (default: 3)
  --city-runs N   fresh processes loading the city's YAML inventory (default: 5)
  --out FILE      results JSON (default: bench/results/pipeline.json)
  -h, --help      show this help

Exit status: 0 when measured; 1 when a run fails; 2 when the arguments are wrong.`;
const values = parseArgsOrExit(
  (argv) =>
    parseOptions(argv, {
      sizes: "string",
      formats: "string",
      runs: "string",
      "city-runs": "string",
      out: "string",
    }),
  USAGE,
);
/** A comma-separated list of positive whole numbers, or a usage error naming the option. */
function counts(flag: string, text: string): number[] {
  const items = text.split(",");
  for (const item of items) {
    if (!/^[1-9][0-9]*$/.test(item)) usageError(`${flag}: "${item}" is not a positive whole number`, USAGE);
  }
  return items.map(Number);
}
const sizes = counts("--sizes", values.sizes ?? "10000,50000,100000,500000");
const formats = (values.formats ?? NETWORK_FORMATS.join(",")).split(",") as SyntheticFormat[];
for (const f of formats) {
  if (!(NETWORK_FORMATS as readonly string[]).includes(f)) {
    usageError(`--formats: "${f}" is not one of ${NETWORK_FORMATS.join(", ")}`, USAGE);
  }
}
const out = resolve(values.out ?? join(here, "results", "pipeline.json"));
// Three runs and the median keep one noisy run from deciding.
const [runs = 3] = counts("--runs", values.runs ?? "3");
const [cityRuns = 5] = counts("--city-runs", values["city-runs"] ?? "5");
// A 500k inventory parses into a few GB of objects; give the worker room rather than measure GC thrash.
const WORKER_HEAP_MB = 12_288;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

const scratch = mkdtempSync(join(tmpdir(), "baubau-bench-"));
const loadBefore = loadAverage();
const results: SizeResult[] = [];
try {
  for (const sites of sizes) {
    for (const format of formats) {
      const label = `${sites.toLocaleString("en-US")} sites, ${format}`;
      process.stderr.write(`[bench] ${label}: starting a fresh worker\n`);
      const started = performance.now();
      const dir = join(scratch, `${sites}-${format}`);
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
          String(runs),
          "--format",
          format,
          "--write",
          dir,
        ],
        { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 20 },
      );
      const worker = JSON.parse(stdout.trim().split("\n").pop() as string);
      // The command runs after the worker has exited, so the two never compete for the cores.
      const commandRuns: CommandTime[] = [];
      for (let run = 1; run <= runs; run++) {
        const t = timeCoverageCommand(root, join(dir, NETWORK_FILE[format]));
        commandRuns.push(t);
        process.stderr.write(
          `[bench] ${label}: scripts/coverage run ${run}/${runs} ${(t.wallMs / 1000).toFixed(2)} s wall, ${(t.cpuMs / 1000).toFixed(2)} s CPU\n`,
        );
      }
      rmSync(dir, { recursive: true, force: true });
      const command = {
        wallMs: median(commandRuns.map((c) => c.wallMs)),
        cpuMs: median(commandRuns.map((c) => c.cpuMs)),
      };
      results.push({ ...worker, commandRuns, command });
      process.stderr.write(
        `[bench] ${label}: pipeline ${(worker.total.wallMs / 1000).toFixed(2)} s wall, command ${(command.wallMs / 1000).toFixed(2)} s, ` +
          `baseline ${(worker.baselineJson.wallMs / 1000).toFixed(2)} s; took ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
      );
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
// The city's own YAML inventory, in fresh processes too.
process.stderr.write(
  "[bench] the city's YAML inventory: import and first load, warm loads, scripts/validate\n",
);
const city = measureCity(root, cityRuns);

const round2 = (x: number) => Math.round(x * 100) / 100;

/** time(big) / time(small) per stage; linear growth gives big/small sites. */
function ratios(big: SizeResult, small: SizeResult) {
  const r = (b: StageTime, s: StageTime) => ({
    wall: round2(b.wallMs / s.wallMs),
    cpu: round2(b.cpuMs / s.cpuMs),
  });
  return {
    format: big.format,
    sizes: `${big.sites}/${small.sites}`,
    linear: big.sites / small.sites,
    baselineJson: r(big.baselineJson, small.baselineJson),
    stages: Object.fromEntries(STAGES.map((s) => [s, r(big.stages[s], small.stages[s])])),
    total: r(big.total, small.total),
    command: r(big.command, small.command),
  };
}

const find = (sites: number, format: SyntheticFormat) =>
  results.find((r) => r.sites === sites && r.format === format);
const pairs: [number, number][] = [
  [500_000, 50_000],
  [100_000, 10_000],
  [50_000, 10_000],
];
const growth = formats.flatMap((format) =>
  pairs.flatMap(([b, s]) => {
    const big = find(b, format);
    const small = find(s, format);
    return big && small ? [ratios(big, small)] : [];
  }),
);

const goal = formats.flatMap((format) => {
  const at = find(GOAL.sites, format);
  if (!at) return [];
  const ratio = round2(at.command.wallMs / at.baselineJson.wallMs);
  const [big, small] = GOAL.growth.sizes;
  const g = growth.find((x) => x.format === format && x.sizes === `${big}/${small}`);
  return [
    {
      format,
      sites: GOAL.sites,
      commandWallMs: Math.round(at.command.wallMs),
      commandCpuMs: Math.round(at.command.cpuMs),
      commandRunsWallMs: at.commandRuns.map((c) => Math.round(c.wallMs)),
      baselineWallMs: Math.round(at.baselineJson.wallMs),
      baselineCpuMs: Math.round(at.baselineJson.cpuMs),
      ratioToBaseline: ratio,
      // CPU beside wall: on a loaded machine the wall ratio moves with whatever else runs.
      ratioToBaselineCpu: round2(at.command.cpuMs / at.baselineJson.cpuMs),
      ratioLimit: GOAL.baselineRatio,
      ratioMet: ratio <= GOAL.baselineRatio,
      commandWallMsLimit: GOAL.commandWallMs,
      wallMet: at.command.wallMs < GOAL.commandWallMs,
      growth: g
        ? { sizes: g.sizes, pipelineCpu: g.total.cpu, pipelineWall: g.total.wall, command: g.command.wall }
        : null,
      growthLimit: GOAL.growth.limit,
      growthMet: g ? g.total.cpu <= GOAL.growth.limit && g.total.wall <= GOAL.growth.limit : null,
    },
  ];
});

const report = {
  benchmark: "pipeline",
  command: "scripts/bench",
  measuredAt: new Date().toISOString(),
  machine: machine(loadBefore),
  stages: STAGES,
  goalStages: GOAL.stages,
  results,
  ratios: growth,
  goal,
  city,
};

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
// The repository's formatter checks every JSON file; formatting here keeps a re-run's diff to the figures.
// (Only inside the repository: biome refuses files outside the project it configures.)
if (!relative(root, out).startsWith("..")) {
  execFileSync(join(root, "node_modules", ".bin", "biome"), ["format", "--write", out], { stdio: "ignore" });
}
process.stderr.write(`[bench] wrote ${out}\n`);
