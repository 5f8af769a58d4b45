// How the program runs under the real engine, with the toolkit's settings:
// - it leaves out the Pulumi SDK's per-registration debug messages (stacks/quiet-debug.ts) unless
//   BAUBAU_PULUMI_DEBUG=1: a preview with `--debug` shows none of them by default, and shows them with
//   the variable set, so the first test could fail;
// - the Node.js it runs on keeps its compiled code in NODE_COMPILE_CACHE (toolchain/pulumi-engine.ts).
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { EngineEvent } from "@pulumi/pulumi/automation/index.js";
import { afterEach, describe, expect, it } from "vitest";
import { createTestStack, type TestStack } from "./helpers/pulumi-stack.ts";

let t: TestStack | undefined;
let cacheDir: string | undefined;
afterEach(async () => {
  await t?.dispose();
  t = undefined;
  if (cacheDir) await rm(cacheDir, { recursive: true, force: true });
  cacheDir = undefined;
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

describe("the program under the engine", () => {
  // The SDK registers the root Stack before it loads the program, so that one message remains.
  it("leaves out the SDK's debug messages, and compiles into the compile cache", {
    timeout: 180_000,
  }, async () => {
    cacheDir = await mkdtemp(join(tmpdir(), "baubau-compile-cache-"));
    expect(await registeredTypes({ NODE_COMPILE_CACHE: cacheDir })).toEqual(["pulumi:pulumi:Stack"]);
    // One directory per Node.js version and V8 flags, holding the compiled modules.
    const [versionDir, ...others] = await readdir(cacheDir);
    expect(others).toEqual([]);
    expect((await readdir(join(cacheDir, versionDir as string))).length).toBeGreaterThan(100);
  });

  it("sends the SDK's debug messages with BAUBAU_PULUMI_DEBUG=1, one per resource it registers", {
    timeout: 180_000,
  }, async () => {
    const types = await registeredTypes({ BAUBAU_PULUMI_DEBUG: "1" });
    // One component per inventory site (the ConfigGroups' objects are the provider's registrations).
    expect(types.filter((x) => x === "baubau:network:Site").length).toBeGreaterThan(200);
  });
});
