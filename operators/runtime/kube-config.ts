// A KubeConfig whose requests share one connection pool per API server and give up on a server
// that stops answering. client-node 2.0.1 builds a new undici Agent for every request (a TCP and
// TLS handshake each time) and leaves undici's 300 s header timeout: a paused API server would
// hold a reconcile for five minutes.
import type https from "node:https";
import { KubeConfig } from "@kubernetes/client-node";
import type { RequestContext } from "@kubernetes/client-node/dist/gen/http/http.js";
import { Agent } from "undici";

export interface KubeConfigOptions {
  /** Response headers must arrive within this. @default 30_000 */
  headersTimeoutMs?: number;
}

export class PooledKubeConfig extends KubeConfig {
  private agent: Agent | undefined;
  private agentFor: string | undefined;
  private readonly pool: KubeConfigOptions;
  constructor(pool: KubeConfigOptions = {}) {
    super();
    this.pool = pool;
  }

  override async applySecurityAuthentication(context: RequestContext): Promise<void> {
    await super.applySecurityAuthentication(context);
    const cluster = this.getCurrentCluster();
    if (!cluster || cluster.proxyUrl) return; // proxies keep client-node's own dispatchers
    const key = `${cluster.name}\u0000${this.getCurrentUser()?.name ?? ""}`;
    if (!this.agent || this.agentFor !== key) {
      await this.agent?.close();
      this.agent = undefined;
      const tls: https.RequestOptions = {};
      await this.applyToHTTPSOptions(tls);
      const dispatcher = this.createDispatcherOptions(cluster, {
        ca: tls.ca,
        cert: tls.cert,
        key: tls.key,
        ...(tls.rejectUnauthorized !== undefined ? { rejectUnauthorized: tls.rejectUnauthorized } : {}),
        ...(tls.servername !== undefined ? { servername: tls.servername } : {}),
      });
      this.agent = new Agent({
        connect: "connect" in dispatcher ? dispatcher.connect : {},
        headersTimeout: this.pool.headersTimeoutMs ?? 30_000,
        // Watches stream for long; their silence is the informer's business, not the pool's.
        bodyTimeout: 0,
      });
      this.agentFor = key;
    }
    context.setDispatcher(this.agent);
  }

  async close(): Promise<void> {
    await this.agent?.close();
    this.agent = undefined;
  }
}

/** `source` is a kubeconfig file, or "in-cluster" for the pod's service account. */
export function loadKubeConfig(source: string, opts?: KubeConfigOptions): PooledKubeConfig {
  const kc = new PooledKubeConfig(opts);
  if (source === "in-cluster") kc.loadFromCluster();
  else kc.loadFromFile(source);
  return kc;
}
