// One side of the exporter benchmark, in its own process: `exporter` is the real KPI exporter on the
// real inventory (/metrics rendered once per change of its values, monitoring/exporter/registry.ts);
// `baseline` serves the very same bytes, rendered once, from a bare node:http server (the floor for
// HTTP on this machine). Both measure their own event-loop delay (perf_hooks, 1 ms resolution) and the CPU time they used, and report them over IPC.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { loadInventory } from "../model/load/index.ts";
import { startExporter } from "../monitoring/exporter/app.ts";

const mode = process.argv[2];
if (mode !== "exporter" && mode !== "baseline")
  throw new Error("usage: exporter-server.ts exporter|baseline");
const loaded = await loadInventory(join(import.meta.dirname, "..", "inventory"));
if (!loaded.ok) throw new Error("the inventory has problems");
const exporter = await startExporter({
  inventory: loaded.inventory,
  catalog: loaded.inventory.services,
  log: () => {},
});
let url = exporter.url;
let bytes = (await (await fetch(`${url}/metrics`)).arrayBuffer()).byteLength;
if (mode === "baseline") {
  const body = await exporter.registry.metrics();
  const contentType = exporter.registry.contentType;
  await exporter.close();
  const server = createServer((_req, res) => res.writeHead(200, { "content-type": contentType }).end(body));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  bytes = body.byteLength;
}

const lag = monitorEventLoopDelay({ resolution: 1 });
lag.enable();
// CPU time this process used while scraped: per request, it does not depend on how busy the machine is.
let cpuAtReset = process.cpuUsage();
process.on("message", (m: string) => {
  if (m === "reset") {
    lag.reset();
    cpuAtReset = process.cpuUsage();
    process.send?.({ reset: true });
  } else if (m === "lag") {
    const ms = (ns: number) => ns / 1e6;
    const cpu = process.cpuUsage(cpuAtReset);
    process.send?.({
      lag: {
        p50Ms: ms(lag.percentile(50)),
        p99Ms: ms(lag.percentile(99)),
        maxMs: ms(lag.max),
        cpuMs: (cpu.user + cpu.system) / 1000,
      },
    });
  } else if (m === "exit") {
    process.exit(0);
  }
});
process.send?.({ url, bytes });
