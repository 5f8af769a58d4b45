// The policy pack with the real engine against the twin: `pulumi up --policy-pack policy/` reports an
// advisory rule and goes through; a change that breaks a mandatory rule is stopped with the rule's
// message before anything changes; levels come from the stack's config. A stack-wide rule stops a
// preview (and `pulumi up`, which previews first), but `up --skip-preview` makes the change first.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { EngineEvent, PolicyEvent } from "@pulumi/pulumi/automation/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RULES } from "../../policy/rules.ts";
import { pulumiCli } from "../../scripts/lib/pulumi-cli.ts";
import { ROOT } from "../../toolchain/paths.ts";
import { kubectl } from "../../twin/kwok.ts";
import { createInventoryStack, type InventoryTestStack } from "./helpers/pulumi-stack.ts";
import { widenedRbacProgram } from "./helpers/widened-program.ts";

const POLICY = join(ROOT, "policy");

/** Namespaces on the twin's dc-prod cluster whose names start with a stack's prefix. */
async function namespaces(prefix: string): Promise<string[]> {
  const out = await kubectl("dc-prod", ["get", "namespaces", "-o", "jsonpath={.items[*].metadata.name}"]);
  return out.split(/\s+/).filter((n) => n.startsWith(prefix));
}

describe("the policy pack with the real engine", () => {
  let t: InventoryTestStack;
  let events: PolicyEvent[] = [];
  let log = "";
  let twinAdvisories: string[] = [];
  const options = () => {
    events = [];
    log = "";
    return {
      policyPacks: [POLICY],
      onEvent: (e: EngineEvent) => {
        if (e.policyEvent) events.push(e.policyEvent);
      },
      onOutput: (s: string) => {
        log += s;
      },
    };
  };
  // The engine sends "advisory" (the Automation API's type says "warning").
  const seen = (level: "advisory" | "mandatory") =>
    [
      ...new Set(events.filter((e) => (e.enforcementLevel as string) === level).map((e) => e.policyName)),
    ].sort();
  const resources = async () =>
    (await t.stack.exportStack()).deployment.resources.map((r: { urn: string; inputs?: unknown }) => ({
      urn: r.urn,
      inputs: r.inputs,
    }));

  beforeAll(async () => {
    t = await createInventoryStack();
    // The fiber objects (one custom resource per site and link) are not what this test is about;
    // without them each update is shorter.
    await t.stack.setConfig("baubau:fiberNetwork", { value: "false" });
    // A twin-profile stack (it-…, no real cluster's kubeconfig) that makes one model rule mandatory.
    await t.stack.setConfig("baubau:policy", { value: JSON.stringify({ "tier2-fuel-12h": "mandatory" }) });
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it("reports advisory rules and the update goes through", async () => {
    const result = await t.stack.up(options());
    expect(result.summary.result, log).toBe("succeeded");
    expect(seen("mandatory")).toEqual([]);
    // The real inventory: fuel tanks are only N (datacenter.yaml says why); the chart pins tags, not digests.
    expect(seen("advisory")).toEqual(expect.arrayContaining(["k8s-image-digest", "tier2-n-plus-one"]));
    const fuel = events.find((e) => e.policyName === "tier2-n-plus-one");
    expect(fuel?.message).toMatch(
      /fuel-tank: 2 operational unit\(s\), 500 l in all but 250 l with the largest out/,
    );
    expect(fuel?.resourceUrn).toMatch(/::pulumi:pulumi:Stack::/);
    expect(await namespaces(t.prefix)).not.toEqual([]);
    twinAdvisories = seen("advisory");
  });

  it("stops a change that breaks a mandatory rule with its message, and nothing changes", async () => {
    const before = await resources();
    const namespacesBefore = await namespaces(t.prefix);
    // The change: the generators now burn 45 l/h (500 l lasts 11.1 h), and the stack's namespaces are renamed.
    const dc = join(t.inventoryDir, "datacenter.yaml");
    const text = await readFile(dc, "utf8");
    if (!/fuelBurnLph: 26\b/.test(text)) throw new Error("fixture: datacenter.yaml has no `fuelBurnLph: 26`");
    await writeFile(dc, text.replace(/fuelBurnLph: 26\b/, "fuelBurnLph: 45"));
    const renamed = `x${t.prefix}`;
    await t.stack.setConfig("baubau:namespacePrefix", { value: renamed });

    const outcome = await t.stack.up(options()).then(
      () => "succeeded",
      (e: Error) => e.message,
    );
    expect(outcome).toMatch(/\[mandatory\].*tier2-fuel-12h/);
    expect(outcome).toContain(
      "fuel lasts 11.1 h at 45 l/h on all operational tanks, 12 h are needed: add at least 40 l of tank capacity",
    );
    expect(seen("mandatory")).toEqual(["tier2-fuel-12h"]);
    // Stopped on the stack's root resource, before the first provider or namespace was touched.
    expect(await resources()).toEqual(before);
    expect(await namespaces(t.prefix)).toEqual(namespacesBefore);
    expect(await namespaces(renamed)).toEqual([]);

    await writeFile(dc, text);
    await t.stack.setConfig("baubau:namespacePrefix", { value: t.prefix });
  });

  it("takes the profile from stack config (production is stricter), takes waivers, and refuses an unknown rule id", async () => {
    await t.stack.setConfig("baubau:policyProfile", { value: "production" });
    // The one thin link waived (a YAML list in the stack's config file, as production would write it).
    const waiver = {
      rule: "net-link-margin",
      subject: "pop-wolio--pop-sorawolio",
      reason: "ER optics ordered; LR until they are fitted",
      approver: "integration test",
      expires: "2099-12-31",
    };
    await t.stack.setConfig("baubau:policyWaivers", { value: JSON.stringify([waiver]) });
    const strict = await t.stack.preview(options()).then(
      () => "succeeded",
      (e: Error) => e.message,
    );
    expect(strict).not.toBe("succeeded");
    // Whatever the twin profile only advised (the city's network and fuel today) and production makes
    // mandatory is now mandatory, but the waived finding.
    const stricter = twinAdvisories.filter(
      (id) => RULES.find((r) => r.id === id)?.enforcement.production === "mandatory" && id !== waiver.rule,
    );
    expect(stricter.length).toBeGreaterThan(0);
    expect(seen("mandatory")).toEqual(expect.arrayContaining(stricter));
    expect(seen("mandatory")).not.toContain(waiver.rule);
    const waived = events.filter((e) => e.policyName === "policy-waivers");
    expect(waived).toHaveLength(1);
    expect(waived[0]?.message).toContain(
      "net-link-margin waived for pop-wolio--pop-sorawolio until 2099-12-31 (approved by integration test: ",
    );
    expect(waived[0]?.enforcementLevel as string).toBe("advisory");
    await t.stack.removeConfig("baubau:policyWaivers");
    await t.stack.removeConfig("baubau:policyProfile");

    await t.stack.setConfig("baubau:policy", { value: JSON.stringify({ "tier2-fuel-12": "mandatory" }) });
    const refused = await t.stack.preview(options()).then(
      () => "succeeded",
      (e: Error) => e.message,
    );
    expect(refused).toContain(
      `policy pack: stack ${t.name}: config baubau:policy names "tier2-fuel-12", which is not a rule of the pack; did you mean "tier2-fuel-12h"?`,
    );
  });

  it("a stack rule stops a preview and `pulumi up` before any change; `up --skip-preview` only after it", async () => {
    await t.stack.setConfig("baubau:policy", { value: "{}" });
    const ns = `${t.prefix}diskominfo`;
    const grantsSecrets = async () =>
      (
        await kubectl("dc-prod", [
          "get",
          "role",
          "tenant-operator",
          "-n",
          ns,
          "-o",
          "jsonpath={.rules[*].resources}",
        ])
      ).includes("secrets");
    const rule = /\[mandatory\][^\n]*k8s-rbac-tenant-least-privilege/;
    const program = await widenedRbacProgram();
    try {
      const p = await pulumiCli(t.env, program.dir);
      const args = ["--stack", t.name, "--policy-pack", POLICY];
      expect(await grantsSecrets()).toBe(false);
      const before = await resources();

      const preview = await p.run(["preview", ...args]);
      expect(preview.code).not.toBe(0);
      expect(preview.stdout + preview.stderr).toMatch(rule);
      // `pulumi up` previews first: the stack rule fails that preview and nothing is updated.
      const up = await p.run(["up", "--yes", ...args]);
      expect(up.code).not.toBe(0);
      expect(up.stdout + up.stderr).toMatch(rule);
      expect(await resources()).toEqual(before);
      expect(await grantsSecrets()).toBe(false);

      // What the Automation API's up() runs: the engine runs stack rules after the steps, so the
      // violation is reported, and the update fails, only once the Roles already grant secrets.
      const skipped = await p.run(["up", "--yes", "--skip-preview", ...args]);
      expect(skipped.code).not.toBe(0);
      expect(skipped.stdout + skipped.stderr).toMatch(rule);
      expect(await grantsSecrets()).toBe(true);
    } finally {
      await program.dispose();
    }
  });
});
