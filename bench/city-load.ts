// The city's own inventory (inventory/, YAML) loaded as a command loads it, in a fresh process started
// by bench/pipeline.ts: importing the loader (our modules through tsx, the yaml library, zod), the
// first load (cold JIT), then warm loads. Prints one JSON line; CPU and wall milliseconds each.
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..");

function since(cpu: NodeJS.CpuUsage, start: number) {
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

let cpu = process.cpuUsage();
let start = performance.now();
const { loadInventory } = await import("../model/load/index.ts");
const importTime = since(cpu, start);

const load = async () => {
  cpu = process.cpuUsage();
  start = performance.now();
  const loaded = await loadInventory(join(ROOT, "inventory"));
  if (!loaded.ok) throw new Error("the city's inventory does not load; run scripts/validate");
  return since(cpu, start);
};
const first = await load();
const warm = [];
for (let i = 0; i < 5; i++) warm.push(await load());
process.stdout.write(`${JSON.stringify({ import: importTime, first, warm })}\n`);
