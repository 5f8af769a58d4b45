// Every entry point answers --help with its usage (exit 0) and an option it does not know with the
// usage on standard error (exit 2), before doing any work and without a stack trace.
import { describe, expect, it } from "vitest";
import { runEntry, STACK_TRACE } from "./run-entry.ts";

const SCRIPTS: [script: string, usage: RegExp][] = [
  ["coverage.ts", /^Usage: scripts\/coverage /],
  ["validate.ts", /^Usage: scripts\/validate /],
  ["ipam.ts", /^Usage: scripts\/ipam /],
  ["setup.ts", /^Usage: scripts\/setup /],
  ["twin.ts", /^Usage: scripts\/twin /],
  ["monitoring.ts", /^Usage: scripts\/monitoring /],
  ["audit.ts", /^Usage: scripts\/audit /],
  // Both run scripts/setup first, which must not happen for --help or a wrong option.
  ["start.ts", /^Usage: scripts\/start(\n|$)/],
  ["test.ts", /^Usage: scripts\/test /],
  // scripts/bench runs bench/pipeline.ts.
  ["../bench/pipeline.ts", /^Usage: scripts\/bench /],
];

describe.concurrent.each(SCRIPTS)("scripts/%s", (script, usage) => {
  it("--help prints the usage and exits 0", { timeout: 60_000 }, async () => {
    const r = await runEntry(script, ["--help"]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toMatch(usage);
    expect(r.stdout).toMatch(/^Exit status: /m);
  });

  it("an unknown option prints what is wrong and the usage, and exits 2", { timeout: 60_000 }, async () => {
    const r = await runEntry(script, ["--no-such-option"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^Unknown option '--no-such-option'/);
    expect(r.stderr.split("\n\n")[1]).toMatch(usage);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });
});

describe("argument values", () => {
  it("scripts/bench names a size that is not a count, before measuring anything", {
    timeout: 60_000,
  }, async () => {
    const r = await runEntry("../bench/pipeline.ts", ["--sizes", "10000,50k"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^--sizes: "50k" is not a positive whole number\n\nUsage: scripts\/bench /);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it("scripts/twin names an unknown command", { timeout: 60_000 }, async () => {
    const r = await runEntry("twin.ts", ["sideways"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^unknown command "sideways"; give one of: up, down, status\n\nUsage: /);
  });

  it("scripts/setup names an unknown engine before building anything", { timeout: 60_000 }, async () => {
    const r = await runEntry("setup.ts", ["--only", "kubelet"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^--only: unknown engine kubelet; known: pulumi, .*kubernetes\n\nUsage: /);
  });

  it("scripts/test names a project that does not exist", { timeout: 60_000 }, async () => {
    const r = await runEntry("test.ts", ["--project", "smoke"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^--project smoke: not one of unit, integration, e2e\n\nUsage: /);
  });

  it("scripts/validate names a format it does not write", { timeout: 60_000 }, async () => {
    const r = await runEntry("validate.ts", ["--format", "xml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^--format "xml" is not one of: text, json\n\nUsage: /);
  });
});
