// A broken inventory must stop `pulumi up` with the loader's positioned problem and leave the
// cluster and the stack untouched: nothing half-applied.
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../../toolchain/paths.ts";
import { createTestStack, stackNamespacesOnTwin, type TestStack } from "./helpers/pulumi-stack.ts";

describe("pulumi up with a broken inventory", () => {
  let t: TestStack;
  let inventory: string;

  beforeAll(async () => {
    inventory = await mkdtemp(join(tmpdir(), "baubau-bad-inventory-"));
    await cp(join(ROOT, "inventory"), inventory, { recursive: true });
    const dc = join(inventory, "datacenter.yaml");
    const text = await readFile(dc, "utf8");
    if (!/role: worker\b/.test(text))
      throw new Error("fixture: datacenter.yaml has no `role: worker` to break");
    await writeFile(dc, text.replace(/role: worker\b/, "role: wroker"));
    t = await createTestStack();
    await t.stack.setConfig("baubau:inventoryDir", { value: inventory });
  });
  afterAll(async () => {
    await t?.dispose();
    await rm(inventory, { recursive: true, force: true });
  });

  it("fails with file:line, field path and the allowed values, and creates nothing", async () => {
    const outcome = await t.stack.up().then(
      () => "succeeded",
      (e: Error) => e.message,
    );
    expect(outcome).toMatch(
      /datacenter\.yaml:\d+:\d+ datacenter\.servers\[\d+\]\.role: "wroker" is not allowed/,
    );
    expect(outcome).toMatch(/allowed: control-plane, worker; did you mean "worker"\?/);
    const state = await t.stack.exportStack();
    const created = (state.deployment.resources ?? []).filter(
      (r: { type: string }) => r.type !== "pulumi:pulumi:Stack",
    );
    expect(created).toEqual([]);
    expect(await stackNamespacesOnTwin(t)).toEqual([]);
  });
});
