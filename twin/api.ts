// Reads from a twin cluster's API server through @kubernetes/client-node; writes of whole files
// (server-side apply), patches, deletes and `wait` stay with kubectl in kwok.ts.
// The kubeconfig is read anew for every call: a cluster created again has a new port and a new CA,
// and a client kept from before would knock at the old one until its deadline.
import { existsSync } from "node:fs";
import { CoreV1Api, Health, KubeConfig, type V1Node } from "@kubernetes/client-node";

function configFrom(kubeconfig: string): KubeConfig {
  const kc = new KubeConfig();
  try {
    kc.loadFromFile(kubeconfig);
  } catch (err) {
    throw new Error(`${kubeconfig}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return kc;
}

/** The API server URL the kubeconfig points at. */
export function serverOf(kubeconfig: string): string {
  const server = configFrom(kubeconfig).getCurrentCluster()?.server;
  if (!server) throw new Error(`${kubeconfig}: the current context names no cluster with a server`);
  return server;
}

/**
 * Whether the API server answers /readyz with 200 within `timeoutMs`. Every probe has its own
 * deadline: a server that accepts the connection but does not answer (starting, or paused with
 * SIGSTOP by the fault tests) would otherwise hold the probe for undici's 300 s header timeout.
 */
export async function isReady(kubeconfig: string, timeoutMs = 10_000): Promise<boolean> {
  if (!existsSync(kubeconfig)) return false;
  try {
    return await new Health(configFrom(kubeconfig)).readyz({ signal: AbortSignal.timeout(timeoutMs) });
  } catch {
    return false; // refused, reset, TLS not yet set up, or the deadline: not ready
  }
}

/** The cluster's nodes, optionally those matching a label selector. */
export async function listNodes(kubeconfig: string, labelSelector?: string): Promise<V1Node[]> {
  const core = configFrom(kubeconfig).makeApiClient(CoreV1Api);
  return (await core.listNode(labelSelector ? { labelSelector } : {})).items;
}
