// `npm start` (scripts/start) with the real engines on the shared twin: the stack's services become
// SmartService objects, the operator runs in the background against dc-prod and every catalog
// service is Ready when start returns; a second run changes nothing and keeps the same operator;
// `scripts/operator stop` stops it. The stack is a throw-away one (own backend, prefixed
// namespaces) without the fiber network (config baubau:fiberNetwork false): its ~800 objects in
// dc-mgmt have nothing to do with the services and would only make the test slower.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadInventory } from "../../model/load/index.ts";
import {
  isOperatorProcess,
  operatorFiles,
  readState,
  stopOperator,
} from "../../scripts/operator-background.ts";
import { deployedServices } from "../../stacks/plan.ts";
import { ROOT } from "../../toolchain/paths.ts";
import { kubectl } from "../../twin/kwok.ts";
import { isReady, type SS } from "./helpers/kube.ts";
import { createTestStack, type TestStack } from "./helpers/pulumi-stack.ts";
import { runScript } from "./helpers/run-script.ts";

const CLUSTER = "dc-prod";

interface Owned {
  metadata: { namespace: string; name: string; ownerReferences?: { kind: string; name: string }[] };
}

async function listed<T extends { metadata: { namespace: string } }>(kind: string, prefix: string) {
  const items = JSON.parse(await kubectl(CLUSTER, ["get", kind, "-A", "-o", "json"])).items as T[];
  return items.filter((i) => i.metadata.namespace.startsWith(prefix));
}

describe("npm start deploys the services through the SmartService operator", () => {
  let t: TestStack;
  let env: Record<string, string>;
  let catalog: string[];
  let firstPid: number | undefined;

  beforeAll(async () => {
    const loaded = await loadInventory(join(ROOT, "inventory"));
    if (!loaded.ok) throw new Error("the inventory must load");
    catalog = deployedServices(loaded.inventory)
      .filter((s) => s.workload.cluster === CLUSTER)
      .map((s) => s.id)
      .sort();
    // The shared twin must not already have one (a developer's npm start): this test starts its own.
    const before = readState(CLUSTER);
    if (before && isOperatorProcess(before.pid)) {
      throw new Error(
        `a background operator already runs on the twin (pid ${before.pid}): scripts/operator stop`,
      );
    }
    t = await createTestStack();
    await t.stack.setConfig("baubau:fiberNetwork", { value: "false" });
    env = { ...t.env, BAUBAU_STACK: t.name, BAUBAU_STATE_DIR: join(t.backendDir, "state") };
  });

  afterAll(async () => {
    await stopOperator(CLUSTER, () => undefined);
    await t?.dispose();
  });

  it("lists every catalog service Ready, with the operator's children, when start returns", async () => {
    const run = await runScript("start.ts", [], env);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toMatch(/✔ SmartService operator: dc-prod started \(pid \d+/);
    const state = readState(CLUSTER);
    firstPid = state?.pid;
    expect(state && isOperatorProcess(state.pid), "the operator keeps running after start").toBe(true);
    expect(existsSync(operatorFiles.log(CLUSTER))).toBe(true);

    const smartServices = await listed<SS & Owned>("smartservices", t.prefix);
    expect(smartServices.map((s) => s.metadata.name).sort()).toEqual(catalog);
    for (const s of smartServices) expect(isReady(s), s.metadata.name).toBe(true);
    // The workloads are the operator's (owned by their SmartService), not the stack's.
    const deployments = await listed<Owned>("deployments", t.prefix);
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual(catalog);
    for (const d of deployments) {
      expect(d.metadata.ownerReferences, d.metadata.name).toEqual([
        expect.objectContaining({ kind: "SmartService", name: d.metadata.name }),
      ]);
    }
    const status = await runScript("operator.ts", ["status"]);
    expect(status.code, status.output).toBe(0);
    expect(status.output).toMatch(new RegExp(`^dc-prod +running, pid ${firstPid},`, "m"));
  });

  it("a second start changes nothing and keeps the running operator", async () => {
    const run = await runScript("start.ts", [], env);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toMatch(
      new RegExp(`✔ SmartService operator: dc-prod already running \\(pid ${firstPid}`),
    );
    expect(run.output).not.toMatch(/^ {4}[+~-] \d+ (created|updated|deleted|replaced)/m);
    expect(readState(CLUSTER)?.pid).toBe(firstPid);
  });

  it("scripts/operator stop stops it and forgets it", async () => {
    const stop = await runScript("operator.ts", ["stop"]);
    expect(stop.code, stop.output).toBe(0);
    expect(stop.output).toContain(`stopped the operator on dc-prod (pid ${firstPid})`);
    expect(isOperatorProcess(firstPid as number)).toBe(false);
    expect(readState(CLUSTER)).toBeUndefined();
    const status = await runScript("operator.ts", ["status"]);
    expect(status.output).toContain("no background operator");
  });
});
