// The site stand-ins as a process, with a control API on 127.0.0.1 for fault drills:
//   tsx monitoring/standins/main.ts --inventory DIR --port 9180 --control 127.0.0.1:PORT
//   GET  /sites            {"up": [...], "down": [...]}
//   POST /sites/<id>/down  closes the site's stand-in (its probe fails)
//   POST /sites/<id>/up    listens again
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import { planIpam } from "../../model/analyses/ipam.ts";
import { formatProblems, loadInventory, loadIpamLock } from "../../model/load/index.ts";
import { probedSites } from "../sites.ts";
import { startStandIns } from "./server.ts";

const { values } = parseArgs({
  options: {
    inventory: { type: "string", default: "inventory" },
    port: { type: "string", default: "9180" },
    control: { type: "string", default: "127.0.0.1:9181" },
  },
});

function fail(message: string): never {
  process.stderr.write(`site-stand-ins: ${message}\n`);
  process.exit(2);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`--port ${values.port}: expected 1-65535`);
const control = /^(127\.\d+\.\d+\.\d+):(\d{1,5})$/.exec(values.control);
if (!control) fail(`--control ${values.control}: expected 127.x.y.z:port (loopback only)`);

const loaded = await loadInventory(values.inventory);
if (!loaded.ok) {
  process.stderr.write(`${formatProblems(loaded.problems)}\n`);
  fail(`the inventory in ${values.inventory} has problems`);
}
const lock = await loadIpamLock(values.inventory);
if (!lock.ok) {
  process.stderr.write(`${formatProblems(lock.problems)}\n`);
  fail("the IPAM lock has problems");
}
const sites = probedSites(loaded.inventory, planIpam(loaded.inventory, lock.lock));
const standIns = await startStandIns(sites, port).catch((err: Error) => fail(err.message));

const server = createServer((req, res) => {
  const json = (status: number, body: unknown) =>
    res.writeHead(status, { "content-type": "application/json" }).end(`${JSON.stringify(body)}\n`);
  const up = new Set(standIns.up());
  if (req.method === "GET" && req.url === "/sites") {
    json(200, { up: [...up], down: sites.map((s) => s.site).filter((s) => !up.has(s)) });
    return;
  }
  const m = /^\/sites\/([a-z0-9-]+)\/(up|down)$/.exec(req.url ?? "");
  if (req.method !== "POST" || !m) {
    json(404, { error: "GET /sites, POST /sites/<id>/up or /sites/<id>/down" });
    return;
  }
  const [, site, action] = m as unknown as [string, string, "up" | "down"];
  (action === "down" ? standIns.stop(site) : standIns.start(site)).then(
    () => json(200, { site, state: action }),
    (err: Error) => json(404, { error: err.message }),
  );
});
await new Promise<void>((resolve) => server.listen(Number(control[2]), control[1], resolve));
process.stderr.write(
  `[site-stand-ins] ${sites.length} sites on 127.72.x.y:${port}, control on ${values.control}\n`,
);

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    server.closeAllConnections();
    server.close();
    void standIns.close().then(() => process.exit(0));
  });
}
