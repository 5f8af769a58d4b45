// Clients for the shared twin's dc-prod API server, and waiting on conditions (never on time).
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  ApiException,
  CoreV1Api,
  CustomObjectsApi,
  type KubernetesObject,
  KubernetesObjectApi,
  PatchStrategy,
} from "@kubernetes/client-node";
import { clusterBaseline } from "../../../charts/cluster-baseline.ts";
import { smartServiceCrd, smartServiceResource } from "../../../charts/crds/smart-service.ts";
import { loadInventory } from "../../../model/load/index.ts";
import type { Service, ServiceWorkload } from "../../../model/types.ts";
import { loadKubeConfig, type PooledKubeConfig } from "../../../operators/runtime/kube-config.ts";
import type { SmartService } from "../../../operators/smart-service/api.ts";
import type { SmartServiceSpec } from "../../../operators/smart-service/render.ts";
import { ROOT } from "../../../toolchain/paths.ts";
import { kubectl, paths } from "../../../twin/kwok.ts";

export const CLUSTER = "dc-prod";
export const KUBECONFIG = paths.kubeconfig(CLUSTER);
export const TEST_MANAGER = "baubau-tests";

export interface Kube {
  kc: PooledKubeConfig;
  core: CoreV1Api;
  objects: KubernetesObjectApi;
  custom: CustomObjectsApi;
  apply(m: KubernetesObject, manager?: string): Promise<KubernetesObject>;
  read<T extends KubernetesObject>(
    apiVersion: string,
    kind: string,
    namespace: string,
    name: string,
  ): Promise<T | undefined>;
  close(): Promise<void>;
}

export function kube(): Kube {
  const kc = loadKubeConfig(KUBECONFIG);
  const objects = KubernetesObjectApi.makeApiClient(kc);
  return {
    kc,
    core: kc.makeApiClient(CoreV1Api),
    objects,
    custom: kc.makeApiClient(CustomObjectsApi),
    apply: (m, manager = TEST_MANAGER) =>
      objects.patch(m, undefined, undefined, manager, true, PatchStrategy.ServerSideApply),
    async read<T extends KubernetesObject>(
      apiVersion: string,
      kind: string,
      namespace: string,
      name: string,
    ) {
      try {
        return (await objects.read({ apiVersion, kind, metadata: { name, namespace } })) as T;
      } catch (err) {
        if (err instanceof ApiException && err.code === 404) return undefined;
        throw err;
      }
    },
    close: () => kc.close(),
  };
}

/** Polls `check` until it returns a value (not undefined/false); fails with `what` after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let delay = 50;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined && v !== false) return v;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs / 1000}s waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ""}`,
      );
    }
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 500);
  }
}

/** What SmartServices need in a cluster: the CRD (served before this resolves) and the
 * cluster baseline's PriorityClasses the workload chart schedules by. Only what is missing is
 * created, and `uninstall` deletes exactly that, so the shared twin is left as found (a stack
 * test that creates these itself must not find ours). */
export async function installPlatform(k: Kube): Promise<{ uninstall(): Promise<void> }> {
  const crd = smartServiceCrd() as unknown as KubernetesObject;
  const priorities = clusterBaseline({ cluster: CLUSTER, fiberNetwork: false }).filter(
    (m) => m.kind === "PriorityClass",
  ) as unknown as KubernetesObject[];
  const created: KubernetesObject[] = [];
  for (const m of [crd, ...priorities]) {
    if (await k.read(m.apiVersion as string, m.kind as string, "", m.metadata?.name as string)) continue;
    // kubectl, not client-node: client-node serializes built-in kinds through its typed model,
    // which knows JSON-schema keys by their TypeScript names and silently drops
    // x-kubernetes-validations (and every other x-kubernetes-* key) from a plain manifest.
    const dir = await mkdtemp(join(tmpdir(), "baubau-platform-"));
    try {
      await writeFile(join(dir, "m.json"), JSON.stringify(m));
      await kubectl(CLUSTER, [
        "apply",
        "--server-side",
        "--field-manager",
        TEST_MANAGER,
        "-f",
        join(dir, "m.json"),
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    created.push(m);
  }
  await waitFor("the SmartService CRD to be established", async () => {
    const live = await k.read<
      { status?: { conditions?: { type: string; status: string }[] } } & KubernetesObject
    >("apiextensions.k8s.io/v1", "CustomResourceDefinition", "", crd.metadata?.name as string);
    return live?.status?.conditions?.some((c) => c.type === "Established" && c.status === "True");
  });
  return {
    async uninstall() {
      for (const m of created.reverse()) {
        try {
          await k.objects.delete(m);
        } catch (err) {
          if (!(err instanceof ApiException && err.code === 404)) throw err;
        }
      }
    },
  };
}

export async function createNamespace(k: Kube, name: string): Promise<void> {
  await k.apply({
    apiVersion: "v1",
    kind: "Namespace",
    metadata: { name, labels: { "pod-security.kubernetes.io/enforce": "restricted" } },
  } as KubernetesObject);
}

export async function deleteNamespace(k: Kube, name: string): Promise<void> {
  try {
    await k.core.deleteNamespace({ name });
  } catch (err) {
    if (!(err instanceof ApiException && err.code === 404)) throw err;
  }
}

export const SMART_SERVICE_API = "smartcity.baubaukota.go.id/v1alpha1";
export type SS = SmartService<SmartServiceSpec> & KubernetesObject;

export function readSmartService(k: Kube, namespace: string, name: string): Promise<SS | undefined> {
  return k.read<SS>(SMART_SERVICE_API, "SmartService", namespace, name);
}

/** Ready at the generation it is now (the status describes the current spec). */
export function isReady(ss: SS | undefined): boolean {
  return (
    ss?.status?.observedGeneration === ss?.metadata?.generation &&
    ss?.status?.conditions?.find((c) => c.type === "Ready")?.status === "True"
  );
}

/** A service of the city's catalog that runs on the data center, for a test's SmartServices. */
export async function catalogService(
  what: string,
  match: (s: Service & { workload: ServiceWorkload }) => boolean,
): Promise<Service & { workload: ServiceWorkload }> {
  const loaded = await loadInventory(join(ROOT, "inventory"));
  if (!loaded.ok) throw new Error("the inventory does not load");
  const found = loaded.inventory.services.find(
    (s): s is Service & { workload: ServiceWorkload } => s.workload !== undefined && match(s as never),
  );
  if (!found) throw new Error(`no ${what} data-center service in the catalog`);
  return found;
}

/** Where a test's SmartServices live: a client, the platform installed where missing, and a
 * restricted namespace of the test's own. */
export interface SmartServiceNamespace {
  k: Kube;
  namespace: string;
  read(name: string): Promise<SS | undefined>;
  /** The SmartService object of a catalog record in this namespace, named `name`. */
  resource(service: Service, name?: string): SS;
  /** The namespace deleted, what the platform install created removed, the client closed. */
  close(): Promise<void>;
}

export async function smartServiceNamespace(namespace: string): Promise<SmartServiceNamespace> {
  const k = kube();
  let platform: { uninstall(): Promise<void> } | undefined;
  const close = async () => {
    await deleteNamespace(k, namespace);
    await platform?.uninstall();
    await k.close();
  };
  try {
    platform = await installPlatform(k);
    await createNamespace(k, namespace);
  } catch (err) {
    await close();
    throw err;
  }
  return {
    k,
    namespace,
    read: (name) => readSmartService(k, namespace, name),
    resource: (service, name = service.id) =>
      smartServiceResource({ ...service, id: name }, namespace) as unknown as SS,
    close,
  };
}
