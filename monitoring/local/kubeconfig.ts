// A cluster's API server as Prometheus scrapes it, from its kubeconfig: address and the client
// certificate files. Inline certificate data is written next to the Prometheus config, mode 0600.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { KubeConfig } from "@kubernetes/client-node";
import type { ApiServerTarget } from "../prometheus/config.ts";

export function apiServerTarget(cluster: string, kubeconfigPath: string, tlsDir: string): ApiServerTarget {
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfigPath);
  const c = kc.getCurrentCluster();
  const u = kc.getCurrentUser();
  if (!c) throw new Error(`${kubeconfigPath}: no current cluster`);
  const server = new URL(c.server);
  if (server.protocol !== "https:") throw new Error(`${kubeconfigPath}: server ${c.server} is not https`);
  const file = (kind: string, path: string | undefined, data: string | undefined): string | undefined => {
    if (path) return path;
    if (!data) return undefined;
    const out = join(tlsDir, `${cluster}.${kind}`);
    writeFileSync(out, Buffer.from(data, "base64"), { mode: 0o600 });
    return out;
  };
  const caFile = file("ca.crt", c.caFile, c.caData);
  const certFile = file("client.crt", u?.certFile, u?.certData);
  const keyFile = file("client.key", u?.keyFile, u?.keyData);
  if (!certFile || !keyFile) throw new Error(`${kubeconfigPath}: the current user has no client certificate`);
  return {
    cluster,
    address: `${server.hostname}:${server.port || "443"}`,
    tls: { certFile, keyFile, ...(caFile ? { caFile } : { insecureSkipVerify: c.skipTLSVerify }) },
  };
}
