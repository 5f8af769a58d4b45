// A broken inventory must stop `pulumi up` with the loader's positioned problem and leave the
// cluster and the stack untouched: nothing half-applied.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createInventoryStack,
  type InventoryTestStack,
  stackNamespacesOnTwin,
} from "./helpers/pulumi-stack.ts";

describe("pulumi up with a broken inventory", () => {
  let t: InventoryTestStack;

  beforeAll(async () => {
    t = await createInventoryStack(async (inventory) => {
      const dc = join(inventory, "datacenter.yaml");
      const text = await readFile(dc, "utf8");
      if (!/role: worker\b/.test(text))
        throw new Error("fixture: datacenter.yaml has no `role: worker` to break");
      await writeFile(dc, text.replace(/role: worker\b/, "role: wroker"));
    });
  });
  afterAll(async () => {
    await t?.dispose();
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
