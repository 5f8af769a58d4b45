// The program leaves out the Pulumi SDK's per-registration debug messages (stacks/quiet-debug.ts)
// unless BAUBAU_PULUMI_DEBUG=1: a preview with `--debug` shows none of them by default, and shows
// them with the variable set, so the test above it could fail.
import type { EngineEvent } from "@pulumi/pulumi/automation/index.js";
import { afterEach, describe, expect, it } from "vitest";
import { createTestStack, type TestStack } from "./helpers/pulumi-stack.ts";

let t: TestStack | undefined;
afterEach(async () => {
  await t?.dispose();
  t = undefined;
});

/** The types in the SDK's "Registering resource: t=..." debug messages a `preview --debug` shows. */
async function registeredTypes(extraEnv: Record<string, string>): Promise<string[]> {
  t = await createTestStack(extraEnv);
  const types: string[] = [];
  const onEvent = (e: EngineEvent) => {
    const d = e.diagnosticEvent;
    // The SDK's type leaves out "debug", the severity `--debug` events carry.
    if (d === undefined || (d.severity as string) !== "debug") return;
    const type = /Registering resource: t=([^,]+),/.exec(d.message)?.[1];
    if (type) types.push(type);
  };
  await t.stack.preview({ debug: true, onEvent });
  return types;
}

describe("the SDK's debug messages from the program", () => {
  // The SDK registers the root Stack before it loads the program, so that one message remains.
  it("are left out by default", { timeout: 180_000 }, async () => {
    expect(await registeredTypes({})).toEqual(["pulumi:pulumi:Stack"]);
  });

  it("are sent with BAUBAU_PULUMI_DEBUG=1, one per resource the program registers", {
    timeout: 180_000,
  }, async () => {
    const types = await registeredTypes({ BAUBAU_PULUMI_DEBUG: "1" });
    // One component per inventory site (the ConfigGroups' objects are the provider's registrations).
    expect(types.filter((x) => x === "baubau:network:Site").length).toBeGreaterThan(200);
  });
});
