// Prints bench/results/pipeline.json as the Markdown tables docs/benchmarks.md quotes, so the doc is
// pasted from the measurement rather than retyped.
//
//   npx tsx bench/summarise.ts [bench/results/pipeline.json]
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Stage, StageTime } from "./stages.ts";

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
  results: {
    sites: number;
    links: number;
    yamlBytes: number;
    runs: number;
    baselineJson: StageTime;
    stages: Record<Stage, StageTime>;
    total: StageTime;
    maxRssMb: number;
  }[];
  ratios: {
    sizes: string;
    linear: number;
    baselineJson: { wall: number; cpu: number };
    stages: Record<Stage, { wall: number; cpu: number }>;
    total: { wall: number; cpu: number };
  }[];
  goal: {
    sites: number;
    stages: string[];
    wallMsLimit: number;
    wallMs: number;
    cpuMs: number;
    met: boolean;
    runsWallMs?: number[];
    everyRunMet?: boolean;
    allStagesWallMs: number;
    allStagesCpuMs: number;
  } | null;
}

const file = process.argv[2] ?? join(import.meta.dirname, "results", "pipeline.json");
const r = JSON.parse(readFileSync(file, "utf8")) as Results;
const s = (ms: number) => (ms >= 100 ? (ms / 1000).toFixed(2) : (ms / 1000).toFixed(3));
const k = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));
const row = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
const out: string[] = [];

out.push(
  `Measured ${r.measuredAt} on ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGb} GB, Node ${r.machine.node}; ` +
    `load average ${r.machine.loadAverageBefore[0]} before, ${r.machine.loadAverageAfter[0]} after.`,
  "",
  "CPU seconds per stage (wall seconds in brackets):",
  "",
);
const sizes = r.results;
out.push(
  row(["stage", ...sizes.map((x) => `${k(x.sites)} sites`)]),
  row(["---", ...sizes.map(() => "---:")]),
);
for (const st of r.stages)
  out.push(row([st, ...sizes.map((x) => `${s(x.stages[st].cpuMs)} (${s(x.stages[st].wallMs)})`)]));
out.push(row(["**total**", ...sizes.map((x) => `**${s(x.total.cpuMs)}** (${s(x.total.wallMs)})`)]));
out.push(
  row([
    "baseline: JSON.parse + walk",
    ...sizes.map((x) => `${s(x.baselineJson.cpuMs)} (${s(x.baselineJson.wallMs)})`),
  ]),
);
out.push(row(["YAML size", ...sizes.map((x) => `${Math.round(x.yamlBytes / 1e6)} MB`)]));
out.push(row(["links", ...sizes.map((x) => x.links.toLocaleString("en-US"))]));
out.push(row(["peak RSS", ...sizes.map((x) => `${x.maxRssMb} MB`)]));
out.push(row(["runs (median)", ...sizes.map((x) => x.runs)]));

out.push("", "Growth, CPU time (linear growth equals the size ratio):", "");
out.push(
  row([
    "stage",
    ...r.ratios.map((q) => `${q.sizes.split("/").map(Number).map(k).join(" / ")} (linear ${q.linear})`),
  ]),
);
out.push(row(["---", ...r.ratios.map(() => "---:")]));
for (const st of r.stages) out.push(row([st, ...r.ratios.map((q) => q.stages[st]?.cpu ?? "")]));
out.push(row(["**total**", ...r.ratios.map((q) => `**${q.total.cpu}**`)]));
out.push(row(["baseline", ...r.ratios.map((q) => q.baselineJson.cpu)]));

if (r.goal) {
  out.push(
    "",
    `Goal: ${k(r.goal.sites)} sites, the issue's pipeline (${r.goal.stages.join(", ")}) under ` +
      `${s(r.goal.wallMsLimit)} s wall: ${r.goal.met ? "met" : "NOT met"} ` +
      `(${s(r.goal.wallMs)} s wall, ${s(r.goal.cpuMs)} s CPU; with IPAM, Tier-2 and the report too: ` +
      `${s(r.goal.allStagesWallMs)} s wall, ${s(r.goal.allStagesCpuMs)} s CPU).`,
  );
  if (r.goal.runsWallMs) {
    out.push(
      "",
      `Each run, the goal's stages: ${r.goal.runsWallMs.map((ms) => `${s(ms)} s`).join(", ")} wall ` +
        `(${r.goal.everyRunMet ? "every run under" : "NOT every run under"} ${s(r.goal.wallMsLimit)} s).`,
    );
  }
}
process.stdout.write(`${out.join("\n")}\n`);
