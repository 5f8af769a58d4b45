// /metrics (Prometheus text format), /healthz (the process serves) and /readyz (every informer
// has synced and is hearing from the API server), on one small HTTP server.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Registry } from "prom-client";

export interface Readiness {
  /** Why the process is not ready, or undefined when it is. */
  notReady(): string | undefined;
}

export interface HealthServer {
  address: AddressInfo;
  close(): Promise<void>;
}

export async function serveHealth(opts: {
  host: string;
  port: number;
  registry: Registry;
  readiness: Readiness;
}): Promise<HealthServer> {
  const server: Server = createServer(async (req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    try {
      if (req.method !== "GET") {
        res.writeHead(405).end();
      } else if (path === "/metrics") {
        const body = await opts.registry.metrics();
        res.writeHead(200, { "content-type": opts.registry.contentType }).end(body);
      } else if (path === "/healthz") {
        res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      } else if (path === "/readyz") {
        const why = opts.readiness.notReady();
        res.writeHead(why ? 503 : 200, { "content-type": "text/plain" }).end(why ?? "ok");
      } else {
        res.writeHead(404).end();
      }
    } catch (err) {
      res.writeHead(500, { "content-type": "text/plain" }).end((err as Error).message);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  return {
    address: server.address() as AddressInfo,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
