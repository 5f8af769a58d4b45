// Exporter benchmark: 50 concurrent scrapers on the KPI exporter's /metrics for the real inventory,
// next to a baseline (a bare node:http server sending the same bytes) measured in the same run, each
// in its own process. Latency percentiles per side, the event-loop delay inside each server while it
// is scraped, and the ratios. Writes bench/results/exporter.json.
//
//   node --import tsx bench/exporter.ts [--scrapers 50] [--seconds 10] [--out FILE]
import { type ChildProcess, fork } from "node:child_process";
import { writeFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { parseOptions } from "../scripts/lib/options.ts";
import { machine } from "./machine.ts";

const here = import.meta.dirname;
const values = parseOptions(process.argv.slice(2), {
  scrapers: "string",
  seconds: "string",
  rounds: "string",
  out: "string",
});
const scrapers = Number(values.scrapers ?? 50);
const seconds = Number(values.seconds ?? 10);
const rounds = Number(values.rounds ?? 3);
const out = resolve(values.out ?? join(here, "results", "exporter.json"));

interface Ready {
  url: string;
  bytes: number;
}
interface Lag {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  cpuMs: number;
}

function start(mode: string): Promise<{ child: ChildProcess; ready: Ready }> {
  const child = fork(join(here, "exporter-server.ts"), [mode], {
    execArgv: ["--import", import.meta.resolve("tsx/esm")],
  });
  return new Promise((resolve, reject) => {
    child.once("message", (m: Ready) => resolve({ child, ready: m }));
    child.once("exit", (code) => reject(new Error(`${mode} server exited ${code}`)));
  });
}

const ask = <T>(child: ChildProcess, what: string, key: string) =>
  new Promise<T>((resolve) => {
    const on = (m: Record<string, T>) => {
      if (key in m) {
        child.off("message", on);
        resolve(m[key] as T);
      }
    };
    child.on("message", on);
    child.send(what);
  });

function get(agent: Agent, url: string): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(`${url}/metrics`, { agent }, (res) => {
      res.on("data", () => {});
      res.on("end", () =>
        res.statusCode === 200
          ? resolve(performance.now() - t0)
          : reject(new Error(`HTTP ${res.statusCode}`)),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

async function load(url: string, durationMs: number): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: scrapers });
  const latencies: number[] = [];
  const end = performance.now() + durationMs;
  await Promise.all(
    Array.from({ length: scrapers }, async () => {
      while (performance.now() < end) latencies.push(await get(agent, url));
    }),
  );
  agent.destroy();
  return latencies;
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
const round = (x: number) => Math.round(x * 100) / 100;

async function side(mode: "exporter" | "baseline") {
  const { child, ready } = await start(mode);
  await load(ready.url, 2000); // warm-up: JIT, sockets
  await ask(child, "reset", "reset");
  const t0 = performance.now();
  const clientCpu0 = process.cpuUsage();
  const lat = (await load(ready.url, seconds * 1000)).sort((a, b) => a - b);
  const clientCpu = process.cpuUsage(clientCpu0);
  const wallS = (performance.now() - t0) / 1000;
  const lag = await ask<Lag>(child, "lag", "lag");
  child.send("exit");
  return {
    mode,
    bytes: ready.bytes,
    requests: lat.length,
    requestsPerSecond: round(lat.length / wallS),
    latencyMs: {
      p50: round(pct(lat, 50)),
      p95: round(pct(lat, 95)),
      p99: round(pct(lat, 99)),
      max: round(lat[lat.length - 1] ?? Number.NaN),
    },
    eventLoopDelayMs: { p50: round(lag.p50Ms), p99: round(lag.p99Ms), max: round(lag.maxMs) },
    // CPU per scrape, in the server and in the scrapers' process: independent of the machine's load.
    // 50 x the server's figure is what a burst of 50 simultaneous scrapes costs on one free core.
    serverCpuMsPerRequest: Math.round((lag.cpuMs / lat.length) * 1000) / 1000,
    scraperCpuMsPerRequest:
      Math.round(((clientCpu.user + clientCpu.system) / 1000 / lat.length) * 1000) / 1000,
    cpuCoresUsed: {
      server: round(lag.cpuMs / 1000 / wallS),
      scrapers: round((clientCpu.user + clientCpu.system) / 1e6 / wallS),
    },
  };
}

// Rounds alternate baseline and exporter so drift in the machine's load hits both sides alike; the
// summary is the median round of each side (by p99).
const before = loadavg();
const runs: { baseline: Awaited<ReturnType<typeof side>>; exporter: Awaited<ReturnType<typeof side>> }[] = [];
for (let r = 0; r < rounds; r++)
  runs.push({ baseline: await side("baseline"), exporter: await side("exporter") });
const median = (k: "baseline" | "exporter") => {
  const sorted = runs.map((r) => r[k]).sort((a, b) => a.latencyMs.p99 - b.latencyMs.p99);
  return sorted[Math.floor(sorted.length / 2)] as Awaited<ReturnType<typeof side>>;
};
const baseline = median("baseline");
const exporter = median("exporter");
const result = {
  benchmark: "exporter",
  command: "node --import tsx bench/exporter.ts",
  measuredAt: new Date().toISOString(),
  machine: machine(before),
  scrapers,
  seconds,
  rounds,
  goal: { p99Ms: 50 },
  baseline,
  exporter,
  ratios: {
    p99: round(exporter.latencyMs.p99 / baseline.latencyMs.p99),
    p50: round(exporter.latencyMs.p50 / baseline.latencyMs.p50),
    requestsPerSecond: round(exporter.requestsPerSecond / baseline.requestsPerSecond),
    serverCpuPerRequest: round(exporter.serverCpuMsPerRequest / baseline.serverCpuMsPerRequest),
  },
  runs,
};
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(
  `${JSON.stringify({ baseline: baseline.latencyMs, exporter: exporter.latencyMs, lag: exporter.eventLoopDelayMs, cpu: [baseline.serverCpuMsPerRequest, exporter.serverCpuMsPerRequest, exporter.cpuCoresUsed], load: [before, loadavg()], ratios: result.ratios })}\n`,
);
