// The generated rule file passes `promtool check rules`, and every group's hand-written cases
// (monitoring/rules/tests/*.test.yaml, including the ones that must not fire) pass `promtool test rules`.
import { execFile } from "node:child_process";
import { copyFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { ruleFile, ruleGroups } from "../../../monitoring/rules/index.ts";
import { errorBudget } from "../../../monitoring/rules/slo.ts";
import { ROOT, scratch } from "./fixture.ts";

const run = promisify(execFile);
const TESTS = join(ROOT, "monitoring/rules/tests");
const dir = scratch("rules");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function promtool(args: string[]): Promise<{ ok: boolean; out: string }> {
  try {
    const r = await run("promtool", args, { cwd: dir });
    return { ok: true, out: r.stdout + r.stderr };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    return { ok: false, out: `${err.stdout ?? ""}${err.stderr ?? ""}` };
  }
}

writeFileSync(join(dir, "rules.yaml"), ruleFile());
const testFiles = readdirSync(TESTS).filter((f) => f.endsWith(".test.yaml"));
for (const f of testFiles) copyFileSync(join(TESTS, f), join(dir, f));

describe("rules", () => {
  it("promtool check rules accepts the generated file", async () => {
    const r = await promtool(["check", "rules", "rules.yaml"]);
    expect(r.out).toContain("SUCCESS");
    expect(r.ok).toBe(true);
  });

  it("every rule group has its promtool test file", () => {
    const groups = ruleGroups().map((g) => g.name.replace(/^baubau-/, ""));
    expect(testFiles.map((f) => f.replace(".test.yaml", "")).sort()).toEqual(groups.sort());
  });

  it.each(testFiles)("promtool test rules %s", { timeout: 30_000 }, async (file) => {
    const r = await promtool(["test", "rules", file]);
    expect(r.out).toContain("SUCCESS");
    expect(r.ok).toBe(true);
  });

  it("promtool test rules fails when an expectation is wrong (the harness can fail)", async () => {
    const bad = join(dir, "wrong.yaml");
    writeFileSync(
      bad,
      [
        "rule_files: [rules.yaml]",
        "tests:",
        "  - interval: 1m",
        "    input_series:",
        "      - series: 'baubau_datacenter_n_plus_one{class=\"ups\"}'",
        "        values: '1x10'",
        "    alert_rule_test:",
        "      - alertname: DatacenterRedundancyLost",
        "        eval_time: 5m",
        "        exp_alerts: [{ exp_labels: { severity: page, opd: diskominfo, class: ups } }]",
      ].join("\n"),
    );
    const r = await promtool(["test", "rules", "wrong.yaml"]);
    expect(r.ok).toBe(false);
    expect(r.out).toContain("FAILED");
  });

  it("scales every for: duration for the twin and keeps the rest", () => {
    const fast = ruleGroups({ forScale: 0.05 }).flatMap((g) => g.rules);
    const site = fast.find((r) => "alert" in r && r.alert === "SiteUnreachable");
    expect(site && "for" in site ? site.for : undefined).toBe("6s");
  });

  it("scales the operator alerts' windows with their for: (one transient error does not fire in a drill)", () => {
    const alert = (forScale: number, name: string) =>
      ruleGroups({ forScale })
        .flatMap((g) => g.rules)
        .find((r) => "alert" in r && r.alert === name) as { expr: string; for: string };
    expect(alert(1, "OperatorReconcileErrors")).toMatchObject({ for: "10m" });
    expect(alert(1, "OperatorReconcileErrors").expr).toContain("[5m]");
    expect(alert(0.02, "OperatorReconcileErrors")).toMatchObject({ for: "12s" });
    expect(alert(0.02, "OperatorReconcileErrors").expr).toContain("[6s]");
    // Never under 5s: a 1-2s scrape interval still gives the window two samples.
    expect(alert(0.001, "OperatorWorkQueueStalled").expr).toContain("[5s]");
  });

  it("writes the Tier-2 error budget as an exact decimal", () => {
    expect(errorBudget(0.99741)).toBe("0.00259");
    expect(ruleFile()).toContain("14.4 * 0.00259");
  });
});
