// The KPI exporter: a long-running HTTP server on 127.0.0.1 that publishes the model's figures for
// one inventory (computed once at start) and, when given a kubeconfig, the SmartServices' Ready
// conditions (polled). It also serves the Command Center page and the two read-only API calls the
// page makes, passed through to Prometheus and Alertmanager, so the page talks to one origin only.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { analyseNetwork } from "../../model/analyses/index.ts";
import { analyseTier2 } from "../../model/analyses/tier2.ts";
import type { Inventory } from "../../model/types.ts";
import { M } from "../metric-names.ts";
import type { ListSmartServices } from "./cluster.ts";
import { modelFamilies } from "./kpis.ts";
import { KpiRegistry } from "./registry.ts";
import { type CatalogService, catalogFamilies, type LiveService, liveFamilies } from "./services.ts";

export interface ExporterOptions {
  inventory: Inventory;
  catalog: CatalogService[];
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  listSmartServices?: ListSmartServices;
  pollIntervalMs?: number;
  /** Base URLs the page's /api/query and /api/alerts pass through to. */
  prometheusUrl?: string;
  alertmanagerUrl?: string;
  /** The Command Center page (HTML); without it / answers 404. */
  page?: (inventory: Inventory) => string;
  /** The page's network data (sites, links, targets) as JSON. */
  network?: (inventory: Inventory) => unknown;
  processMetrics?: boolean;
  log?: (line: string) => void;
}

export interface Exporter {
  url: string;
  registry: KpiRegistry;
  /** Reads the SmartServices now (the poll does it on its own schedule). */
  poll(): Promise<void>;
  close(): Promise<void>;
}

export async function startExporter(o: ExporterOptions): Promise<Exporter> {
  const log = o.log ?? ((line: string) => process.stderr.write(`[kpi-exporter] ${line}\n`));
  const host = o.host ?? "127.0.0.1";
  if (!host.startsWith("127.")) throw new Error(`the exporter listens on 127.0.0.0/8 only, not ${host}`);
  const registry = new KpiRegistry({ processMetrics: o.processMetrics ?? true });
  const analyses = { ...analyseNetwork(o.inventory), tier2: analyseTier2(o.inventory.datacenter) };
  registry.set([...modelFamilies(o.inventory, analyses), ...catalogFamilies(o.catalog)]);
  registry.set(liveFamilies(o.catalog, null));
  const pageHtml = o.page?.(o.inventory);
  const networkJson = o.network ? JSON.stringify(o.network(o.inventory)) : undefined;

  let lastError: string | undefined;
  let closed = false;
  const poll = async () => {
    if (!o.listSmartServices || closed) return;
    let cluster: LiveService[] | null = null;
    try {
      cluster = await o.listSmartServices();
      if (lastError !== undefined) log("reading SmartServices works again");
      lastError = undefined;
    } catch (err) {
      const message = err instanceof Error ? err.message.split("\n")[0] : String(err);
      if (message !== lastError) log(`cannot read SmartServices (catalog figures only): ${message}`);
      lastError = message;
    }
    registry.set(liveFamilies(o.catalog, cluster));
    registry.set([
      {
        name: M.clusterReadSuccess,
        help: "1 when the last read of the SmartServices succeeded.",
        labelNames: [],
        samples: [{ labels: {}, value: cluster ? 1 : 0 }],
      },
    ]);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://exporter");
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    switch (url.pathname) {
      case "/metrics": {
        const body = await registry.metrics();
        res.writeHead(200, { "content-type": registry.contentType }).end(body);
        return;
      }
      case "/healthz":
        res.writeHead(200, { "content-type": "text/plain" }).end("ok\n");
        return;
      case "/":
        if (pageHtml === undefined) break;
        res
          .writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" })
          .end(pageHtml);
        return;
      case "/api/network":
        if (networkJson === undefined) break;
        res.writeHead(200, { "content-type": "application/json" }).end(networkJson);
        return;
      case "/api/query":
        await passThrough(
          res,
          o.prometheusUrl,
          `/api/v1/query?query=${encodeURIComponent(url.searchParams.get("query") ?? "")}`,
        );
        return;
      case "/api/alerts":
        await passThrough(
          res,
          o.alertmanagerUrl,
          "/api/v2/alerts?active=true&silenced=false&inhibited=false",
        );
        return;
    }
    res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
  }

  await poll();
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    if (!o.listSmartServices || closed) return;
    timer = setTimeout(() => void poll().finally(schedule), o.pollIntervalMs ?? 5000);
  };
  schedule();

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    registry,
    poll,
    close: async () => {
      closed = true;
      clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function passThrough(res: ServerResponse, base: string | undefined, path: string): Promise<void> {
  if (base === undefined) {
    res.writeHead(503, { "content-type": "application/json" }).end('{"error":"not configured"}');
    return;
  }
  try {
    const upstream = await fetch(new URL(path, base), { signal: AbortSignal.timeout(5000) });
    res.writeHead(upstream.status, {
      "content-type": upstream.headers.get("content-type") ?? "application/json",
    });
    res.end(Buffer.from(await upstream.arrayBuffer()));
  } catch (err) {
    res.writeHead(502, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: err instanceof Error ? err.message : String(err) }));
  }
}
