// Prints bench/results/pipeline.json as the Markdown tables docs/benchmarks.md quotes, so the doc is
// pasted from the measurement rather than retyped.
//
//   npx tsx bench/summarise.ts [bench/results/pipeline.json]
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Stage, StageTime } from "./stages.ts";

interface Result {
  sites: number;
  format: string;
  links: number;
  inputBytes: number;
  runs: number;
  baselineJson: StageTime;
  stages: Record<Stage, StageTime>;
  total: StageTime;
  maxRssMb: number;
  command: StageTime;
  commandRuns: StageTime[];
}

interface Results {
  measuredAt: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    node: string;
    loadAverageBefore: number[];
    loadAverageAfter: number[];
  };
  stages: Stage[];
  results: Result[];
  ratios: {
    format: string;
    sizes: string;
    linear: number;
    baselineJson: { wall: number; cpu: number };
    stages: Record<Stage, { wall: number; cpu: number }>;
    total: { wall: number; cpu: number };
    command: { wall: number; cpu: number };
  }[];
  goal: {
    format: string;
    commandWallMs: number;
    commandCpuMs: number;
    commandRunsWallMs: number[];
    baselineWallMs: number;
    ratioToBaseline: number;
    ratioToBaselineCpu?: number;
    ratioLimit: number;
    ratioMet: boolean;
    commandWallMsLimit: number;
    wallMet: boolean;
    growth: { sizes: string; pipelineCpu: number; pipelineWall: number; command: number } | null;
    growthLimit: number;
    growthMet: boolean | null;
  }[];
  city?: {
    runs: number;
    import: StageTime;
    firstLoad: StageTime;
    importAndFirstLoad: StageTime;
    warmLoad: StageTime;
    validateCommand: StageTime;
    goalMs: number;
    goalMetWall: boolean;
    goalMetCpu: boolean;
  };
}

const file = process.argv[2] ?? join(import.meta.dirname, "results", "pipeline.json");
const r = JSON.parse(readFileSync(file, "utf8")) as Results;
const s = (ms: number) => (ms >= 100 ? (ms / 1000).toFixed(2) : (ms / 1000).toFixed(3));
const k = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));
const row = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
const both = (t: StageTime) => `${s(t.cpuMs)} (${s(t.wallMs)})`;
const out: string[] = [];

out.push(
  `Measured ${r.measuredAt} on ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGb} GB, Node ${r.machine.node}; ` +
    `load average ${r.machine.loadAverageBefore[0]} before, ${r.machine.loadAverageAfter[0]} after.`,
);
for (const format of [...new Set(r.results.map((x) => x.format))]) {
  const sizes = r.results.filter((x) => x.format === format);
  out.push("", `**${format}** — CPU seconds per stage (wall seconds in brackets):`, "");
  out.push(
    row(["stage", ...sizes.map((x) => `${k(x.sites)} sites`)]),
    row(["---", ...sizes.map(() => "---:")]),
  );
  for (const st of r.stages) out.push(row([st, ...sizes.map((x) => both(x.stages[st]))]));
  out.push(row(["**pipeline total**", ...sizes.map((x) => `**${both(x.total)}**`)]));
  out.push(row(["**`scripts/coverage` command**", ...sizes.map((x) => `**${both(x.command)}**`)]));
  out.push(row(["baseline: JSON.parse + walk", ...sizes.map((x) => both(x.baselineJson))]));
  out.push(
    row([
      "command / baseline (wall)",
      ...sizes.map((x) => (x.command.wallMs / x.baselineJson.wallMs).toFixed(2)),
    ]),
  );
  out.push(row(["input size", ...sizes.map((x) => `${Math.round(x.inputBytes / 1e6)} MB`)]));
  out.push(row(["links", ...sizes.map((x) => x.links.toLocaleString("en-US"))]));
  out.push(row(["worker peak RSS", ...sizes.map((x) => `${x.maxRssMb} MB`)]));
  out.push(row(["runs (median)", ...sizes.map((x) => x.runs)]));
}

out.push("", "Growth (linear growth equals the size ratio; CPU, wall in brackets):", "");
out.push(
  row(["format", "sizes", "pipeline", "command", "baseline"]),
  row(["---", "---", "---:", "---:", "---:"]),
);
for (const q of r.ratios) {
  const sz = q.sizes.split("/").map(Number).map(k).join(" / ");
  out.push(
    row([
      q.format,
      `${sz} (linear ${q.linear})`,
      `${q.total.cpu} (${q.total.wall})`,
      `${q.command.cpu} (${q.command.wall})`,
      `${q.baselineJson.cpu} (${q.baselineJson.wall})`,
    ]),
  );
}

for (const g of r.goal) {
  out.push(
    "",
    `Goal, ${g.format}: the whole command at 500k sites ${s(g.commandWallMs)} s wall (${s(g.commandCpuMs)} s CPU; runs ` +
      `${g.commandRunsWallMs.map((ms) => `${s(ms)} s`).join(", ")}) beside the baseline's ${s(g.baselineWallMs)} s: ` +
      `${g.ratioToBaseline}x${g.ratioToBaselineCpu === undefined ? "" : ` (CPU ${g.ratioToBaselineCpu}x)`}, limit ${g.ratioLimit}x — ${g.ratioMet ? "met" : "NOT met"}; under ${s(g.commandWallMsLimit)} s: ` +
      `${g.wallMet ? "met" : "NOT met"}` +
      (g.growth
        ? `; growth ${g.growth.sizes}: pipeline ${g.growth.pipelineCpu}x CPU (${g.growth.pipelineWall}x wall), limit ${g.growthLimit}x — ${g.growthMet ? "met" : "NOT met"}.`
        : "."),
  );
}
if (r.city) {
  const c = r.city;
  const ms = (t: StageTime) => `${Math.round(t.cpuMs)} ms CPU (${Math.round(t.wallMs)} ms wall)`;
  out.push(
    "",
    `The city's YAML inventory (inventory/), median of ${c.runs} fresh processes:`,
    "",
    row(["what", "time"]),
    row(["---", "---:"]),
    row(["import of the loader (tsx, yaml, zod, model/)", ms(c.import)]),
    row(["first load", ms(c.firstLoad)]),
    row([`**import + first load** (goal ${c.goalMs} ms)`, `**${ms(c.importAndFirstLoad)}**`]),
    row(["a later load in the same process", ms(c.warmLoad)]),
    row(["`scripts/validate` end to end (bash, Node, tsx, load, report)", ms(c.validateCommand)]),
    "",
    `Goal, the city's inventory loads in under ${c.goalMs} ms (import + first load): ` +
      `${c.goalMetWall ? "met" : "NOT met"} in wall time, ${c.goalMetCpu ? "met" : "NOT met"} in CPU time.`,
  );
}
process.stdout.write(`${out.join("\n")}\n`);
