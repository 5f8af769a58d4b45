// With automatic plugin downloads disabled, a missing provider plugin must fail fast with its
// name and version — never hang on a download.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { versions } from "../../toolchain/paths.ts";
import { createTestStack, type TestStack } from "./helpers/pulumi-stack.ts";

describe("a missing Kubernetes plugin", () => {
  let home: string;
  let t: TestStack;
  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), "baubau-pulumi-home-"));
    t = await createTestStack({ PULUMI_HOME: home });
  });
  afterAll(async () => {
    await t?.dispose();
    await rm(home, { recursive: true, force: true });
  });

  // A hang (a download attempt) would run into this test's own timeout.
  it("gives a clear error naming the plugin and its version", { timeout: 180_000 }, async () => {
    const version = versions.kubernetesProvider.version.replaceAll(".", "\\.");
    await expect(t.stack.preview()).rejects.toThrow(new RegExp(`kubernetes.*${version}`, "s"));
  });
});
