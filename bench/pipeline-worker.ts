// One benchmark size and format in a fresh process (so earlier sizes leave no garbage or JIT state
// behind): generate, run the JSON baseline and the pipeline `runs` times, print one JSON line on
// stdout. With --write DIR it also writes the inventory there, for the parent to time the command.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseOptions } from "../scripts/lib/options.ts";
import { jsonBaseline } from "./baseline.ts";
import { goalWallMs, runPipeline, STAGES, type Stage, type StageTime, type StageTimes } from "./stages.ts";
import { generateInventoryFiles, records, type SyntheticFormat } from "./synthetic/inventory-files.ts";

// Called by bench/pipeline.ts only, which checks the values.
const values = parseOptions(process.argv.slice(2), {
  sites: "string",
  runs: "string",
  seed: "string",
  format: "string",
  write: "string",
});
const sites = Number(values.sites);
const runs = Number(values.runs ?? 1);
const seed = Number(values.seed ?? 7472);
const format = (values.format ?? "ofds") as SyntheticFormat;
const log = (message: string) =>
  process.stderr.write(`[bench ${sites.toLocaleString("en-US")} sites, ${format}] ${message}\n`);

/**
 * Generates the inventory texts and the plain JSON of the same records, keeping only the texts: the
 * record objects would otherwise stay live through every timed stage and make each garbage collection
 * trace a million objects the real command never holds.
 */
function generate(): { files: Record<string, string>; bytes: number; jsonText: string } {
  const { files, bytes, network } = generateInventoryFiles(sites, seed, format);
  return { files, bytes, jsonText: JSON.stringify(records(network)) };
}

let start = performance.now();
const synthetic = generate();
const jsonText = synthetic.jsonText;
const generateMs = performance.now() - start;
log(`generated ${(synthetic.bytes / 1e6).toFixed(0)} MB of ${format} (${(generateMs / 1000).toFixed(1)} s)`);
if (values.write) {
  for (const [name, text] of Object.entries(synthetic.files)) {
    mkdirSync(values.write, { recursive: true });
    writeFileSync(join(values.write, name), text);
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

/** A full collection when the worker runs with --expose-gc (bench/pipeline.ts starts it so). */
const collectGarbage = (): void => (globalThis as { gc?: () => void }).gc?.();

const baselines: StageTime[] = [];
const passes: StageTimes[] = [];
let shape = { sites: 0, links: 0, steps: 0 };
for (let run = 1; run <= runs; run++) {
  // Baseline and pipeline alternate within each run, so both see the same machine state. Each starts
  // on a collected heap, as a fresh `scripts/coverage` process does: otherwise the generator's, the
  // baseline's or the previous run's garbage is swept on the measured item's time.
  collectGarbage();
  const { wallMs, cpuMs } = jsonBaseline(jsonText);
  baselines.push({ wallMs, cpuMs });
  collectGarbage();
  start = performance.now();
  const result = runPipeline(synthetic.files);
  shape = { sites: result.sites, links: result.links, steps: result.steps };
  passes.push(result.times);
  log(`run ${run}/${runs}: pipeline ${((performance.now() - start) / 1000).toFixed(2)} s`);
}

const medianTime = (xs: StageTime[]): StageTime => ({
  wallMs: median(xs.map((x) => x.wallMs)),
  cpuMs: median(xs.map((x) => x.cpuMs)),
});
const stages = Object.fromEntries(STAGES.map((s) => [s, medianTime(passes.map((p) => p[s]))])) as Record<
  Stage,
  StageTime
>;
process.stdout.write(
  `${JSON.stringify({
    sites,
    format,
    links: shape.links,
    planSteps: shape.steps,
    inputBytes: synthetic.bytes,
    jsonBytes: Buffer.byteLength(jsonText),
    generateMs,
    runs,
    baselineJson: medianTime(baselines),
    stages,
    total: {
      wallMs: STAGES.reduce((sum, s) => sum + stages[s].wallMs, 0),
      cpuMs: STAGES.reduce((sum, s) => sum + stages[s].cpuMs, 0),
    },
    goalRunsWallMs: passes.map(goalWallMs),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  })}\n`,
);
