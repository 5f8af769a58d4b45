// A throw-away stack of this project on a throw-away file backend, driven by the real Pulumi
// CLI through the Automation API, with the cached engines and plugins only.
import { randomBytes } from "node:crypto";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LocalWorkspace, type Stack } from "@pulumi/pulumi/automation/index.js";
import { engineDirs, engineEnv, PULUMI_HOME, ROOT } from "../../../toolchain/paths.ts";
import { kubectl } from "../../../twin/kwok.ts";

export interface TestStack {
  stack: Stack;
  name: string;
  prefix: string;
  backendDir: string;
  /** What a CLI needs to reach this stack: its backend and passphrase. */
  env: Record<string, string>;
  dispose(): Promise<void>;
}

export async function createTestStack(extraEnv: Record<string, string> = {}): Promise<TestStack> {
  const id = randomBytes(3).toString("hex");
  const name = `it-${id}`;
  const backendDir = await mkdtemp(join(tmpdir(), "baubau-state-"));
  const stackEnv = { PULUMI_BACKEND_URL: `file://${backendDir}`, PULUMI_CONFIG_PASSPHRASE: `test-${id}` };
  const env = engineEnv({ ...stackEnv, ...extraEnv });
  // The Automation API resolves `pulumi` from this process's PATH.
  process.env.PATH = `${engineDirs.pulumi}:${process.env.PATH}`;
  const stack = await LocalWorkspace.createOrSelectStack(
    { stackName: name, workDir: ROOT },
    { envVars: env, pulumiHome: env.PULUMI_HOME ?? PULUMI_HOME },
  );
  const prefix = `it${id}-`;
  await stack.setConfig("baubau:namespacePrefix", { value: prefix });
  return {
    stack,
    name,
    prefix,
    backendDir,
    env: stackEnv,
    async dispose() {
      // Whatever a test left deployed goes first; then the stack and its state.
      await stack.destroy().catch(() => undefined);
      await stack.workspace.removeStack(name, { force: true }).catch(() => undefined);
      await rm(backendDir, { recursive: true, force: true });
    },
  };
}

/** A test stack that reads its own copy of the city's inventory. */
export interface InventoryTestStack extends TestStack {
  /** The copy (`baubau:inventoryDir`): a test may edit it between updates. */
  inventoryDir: string;
}

/** A test stack on a fresh copy of the inventory, which `edit` may change before the stack sees it;
 * `dispose` removes the stack and the copy. */
export async function createInventoryStack(
  edit: (inventoryDir: string) => Promise<void> = async () => {},
): Promise<InventoryTestStack> {
  const inventoryDir = await mkdtemp(join(tmpdir(), "baubau-inventory-"));
  const removeCopy = () => rm(inventoryDir, { recursive: true, force: true });
  let t: TestStack | undefined;
  try {
    await cp(join(ROOT, "inventory"), inventoryDir, { recursive: true });
    await edit(inventoryDir);
    t = await createTestStack();
    await t.stack.setConfig("baubau:inventoryDir", { value: inventoryDir });
  } catch (err) {
    await t?.dispose();
    await removeCopy();
    throw err;
  }
  const stack = t;
  return {
    ...stack,
    inventoryDir,
    async dispose() {
      await stack.dispose();
      await removeCopy();
    },
  };
}

/** The test stack's namespaces on a twin cluster, sorted. */
export async function stackNamespacesOnTwin(t: TestStack, cluster = "dc-prod"): Promise<string[]> {
  const out = await kubectl(cluster, ["get", "namespaces", "-o", "jsonpath={.items[*].metadata.name}"]);
  return out
    .split(/\s+/)
    .filter((n) => n.startsWith(t.prefix))
    .sort();
}
