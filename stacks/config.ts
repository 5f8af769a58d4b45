// Stack configuration, with defaults that make the `twin` stack work with no config at all.
// Every key is documented in docs/stacks.md.
import { existsSync, readFileSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { MONITORING_IMAGES, type MonitoringImages } from "../charts/monitoring-layer.ts";

const config = new pulumi.Config("baubau");

/** The project root (where Pulumi.yaml is); relative config paths start here. */
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export const inventoryDir = resolve(root, config.get("inventoryDir") ?? "inventory");

/** Prefix for namespaces, so parallel stacks (tests) on one cluster never collide. */
export const namespacePrefix = config.get("namespacePrefix") ?? "";

/** Services as SmartService objects reconciled by the operator, instead of rendered by the stack. */
export const servicesViaOperator = config.getBoolean("servicesViaOperator") ?? false;

/** Whether the fiber network's FiberSite/FiberLink objects are part of the stack. */
export const fiberNetwork = config.getBoolean("fiberNetwork") ?? true;

/** Whether the monitoring layer (Prometheus, Alertmanager, exporters) is deployed to the management cluster. */
export const monitoringLayer = config.getBoolean("monitoringLayer") ?? true;

const IMAGE = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._/:-]*(@sha256:[a-f0-9]{64})?$/, "an image reference")
  .refine((ref) => /@sha256:|:[\w][\w.-]*$/.test(ref.replace(/^[^/]*\//, "")), "pinned by a tag or digest")
  .refine((ref) => !ref.endsWith(":latest"), "not :latest");
const IMAGES = z.strictObject(
  Object.fromEntries(Object.keys(MONITORING_IMAGES).map((k) => [k, IMAGE.optional()])) as Record<
    keyof MonitoringImages,
    z.ZodOptional<typeof IMAGE>
  >,
);

/**
 * The monitoring layer's images: charts/monitoring-layer.ts's pinned defaults, each overridable by
 * `baubau:monitoringImages` (an object with keys prometheus, alertmanager, blackbox, kpiExporter).
 */
export function monitoringImages(value: unknown = config.getObject("monitoringImages")): MonitoringImages {
  const parsed = IMAGES.safeParse(value ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (i) => `baubau:monitoringImages${i.path.map((p) => `.${String(p)}`).join("")}: ${i.message}`,
    );
    throw new Error(
      `${problems.join("\n")}\n(allowed keys: ${Object.keys(MONITORING_IMAGES).join(", ")}; values: image references pinned by a tag or digest)`,
    );
  }
  return { ...MONITORING_IMAGES, ...(parsed.data as Partial<MonitoringImages>) };
}

/** Where a cluster's kubeconfig comes from: a secret (production), or the twin's file. */
export function kubeconfigSource(cluster: string): "secret" | "twin" {
  return config.getSecret(`kubeconfig-${cluster}`) === undefined ? "twin" : "secret";
}

/**
 * Kubeconfig for an inventory cluster: a secret `baubau:kubeconfig-<cluster>` in production,
 * else the twin's file from scripts/twin.
 */
export function kubeconfigFor(cluster: string): pulumi.Output<string> {
  const secret = config.getSecret(`kubeconfig-${cluster}`);
  if (secret) return secret;
  const dir = config.get("kubeconfigDir") ?? ".twin/kubeconfigs";
  const file = join(isAbsolute(dir) ? dir : join(root, dir), `${cluster}.yaml`);
  if (!existsSync(file)) {
    throw new Error(
      `no kubeconfig for cluster ${cluster}: set the secret baubau:kubeconfig-${cluster}, ` +
        `or start the twin (scripts/twin up) so that ${file} exists`,
    );
  }
  return pulumi.secret(readFileSync(file, "utf8"));
}

/** What the provider's await waits for, beyond the rollout of Deployments (always awaited). */
export interface AwaitChoice {
  /** Ingresses until an ingress controller or load balancer gives them an address. */
  addresses: boolean;
  /** Services until their endpoints are ready, then the provider's fixed 10 s settle after the last change. */
  endpoints: boolean;
}

/**
 * The await choice of this stack. The twin's kwok clusters run no ingress controller, so nothing
 * ever gives an Ingress an address and its await would hang; their endpoints are kwok's fake pod IPs,
 * so a Service's await proves nothing the Deployment's Available has not, and costs the 10 s settle.
 * Production clusters do both for real. The default follows where the kubeconfigs come from (the
 * twin's files: no wait; secrets: wait); `baubau:awaitAddresses` and `baubau:awaitEndpoints` state it
 * explicitly for a stack.
 */
export function awaitChoice(clusters: readonly string[]): AwaitChoice {
  const production = clusters.every((c) => kubeconfigSource(c) === "secret");
  return {
    addresses: config.getBoolean("awaitAddresses") ?? production,
    endpoints: config.getBoolean("awaitEndpoints") ?? production,
  };
}
