// Stack configuration, with defaults that make the `twin` stack work with no config at all.
import { existsSync, readFileSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as pulumi from "@pulumi/pulumi";

const config = new pulumi.Config("baubau");

/** The project root (where Pulumi.yaml is); relative config paths start here. */
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export const inventoryDir = resolve(root, config.get("inventoryDir") ?? "inventory");

/** Prefix for namespaces, so parallel stacks (tests) on one cluster never collide. */
export const namespacePrefix = config.get("namespacePrefix") ?? "";

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
