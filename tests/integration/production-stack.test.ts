// The production stack's way in: kubeconfigs as Pulumi secrets. A preview against a twin cluster
// given that way must work, and no kubeconfig may be readable in the stack's files afterwards.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../../toolchain/paths.ts";
import { paths } from "../../twin/kwok.ts";
import { createTestStack, type TestStack } from "./helpers/pulumi-stack.ts";

async function filesUnder(dir: string): Promise<string[]> {
  const names = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  return names.map((e) => join(e.parentPath, e.name));
}

describe("a production-style stack with kubeconfigs as secrets", () => {
  let t: TestStack;
  const kubeconfigs: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestStack();
    for (const cluster of ["dc-prod", "dc-mgmt"]) {
      kubeconfigs[cluster] = await readFile(paths.kubeconfig(cluster), "utf8");
      await t.stack.setConfig(`baubau:kubeconfig-${cluster}`, {
        value: kubeconfigs[cluster] as string,
        secret: true,
      });
    }
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it("previews the whole data center against the clusters the secrets name", async () => {
    const preview = await t.stack.preview();
    expect(preview.changeSummary.create).toBeGreaterThan(500);
  });

  it("keeps no kubeconfig in plain text in the state or the stack's config file", async () => {
    // What would leak: the client key and the API address of each kubeconfig.
    const needles = Object.values(kubeconfigs).flatMap((k) => [
      /client-key-data: (\S+)/.exec(k)?.[1] ?? /client-key: (\S+)/.exec(k)?.[1],
      /server: (\S+)/.exec(k)?.[1],
    ]);
    expect(needles.every((n) => typeof n === "string" && n.length > 8)).toBe(true);
    const files = [...(await filesUnder(t.backendDir)), join(ROOT, "stacks", `Pulumi.${t.name}.yaml`)];
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) {
      const text = await readFile(file, "utf8");
      for (const needle of needles)
        expect(text.includes(needle as string), `${needle} in ${file}`).toBe(false);
    }
    const config = await readFile(join(ROOT, "stacks", `Pulumi.${t.name}.yaml`), "utf8");
    expect(config).toMatch(/baubau:kubeconfig-dc-prod:\s+secure: /);
  });
});
