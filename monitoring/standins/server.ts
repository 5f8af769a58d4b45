// The twin's stand-ins for the sites' management addresses: one HTTP listener per operational site on
// its loopback address (127.72.a.b, see ../sites.ts), answering 200 with the site id. Taking a
// site down closes its listener, so the blackbox exporter's probe fails as it would against a dead
// router; bringing it up listens again.
import { createServer, type Server } from "node:http";
import type { ProbedSite } from "../sites.ts";

export interface StandIns {
  port: number;
  /** Sites whose stand-in is listening. */
  up(): string[];
  stop(site: string): Promise<void>;
  start(site: string): Promise<void>;
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) =>
      reject(new Error(`stand-in cannot listen on ${host}:${port}: ${err.code ?? err.message}`));
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

export async function startStandIns(sites: readonly ProbedSite[], port: number): Promise<StandIns> {
  const bySite = new Map(sites.map((s) => [s.site, s]));
  const servers = new Map<string, Server>();
  const start = async (site: string) => {
    const s = bySite.get(site);
    if (s === undefined) throw new Error(`no stand-in for "${site}": not an operational site`);
    if (servers.has(site)) return;
    const server = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" }).end(`${site}\n`);
    });
    await listen(server, port, s.standInAddress);
    servers.set(site, server);
  };
  try {
    for (const s of sites) await start(s.site);
  } catch (err) {
    await Promise.all([...servers.values()].map(closeServer));
    throw err;
  }
  return {
    port,
    up: () => [...servers.keys()].sort(),
    start,
    stop: async (site) => {
      if (!bySite.has(site)) throw new Error(`no stand-in for "${site}": not an operational site`);
      const server = servers.get(site);
      servers.delete(site);
      if (server) await closeServer(server);
    },
    close: async () => {
      const all = [...servers.values()];
      servers.clear();
      await Promise.all(all.map(closeServer));
    },
  };
}
