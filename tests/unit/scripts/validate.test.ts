// scripts/validate as tools and people call it: JSON for machines, a directory or the files of one
// inventory, and a quiet exit when the reader closes the pipe.
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { editRecord, realFiles, writeInventory } from "../model/inventory-fixture.ts";
import { runEntry, STACK_TRACE } from "./run-entry.ts";

const WOLIO = "inventory/sites/wolio.yaml";
let broken: string;

beforeAll(async () => {
  // One problem, in sites/wolio.yaml: a tenant that does not exist.
  const files = editRecord(realFiles(), WOLIO, "opd-dinkes", "tenant: dinkes", "tenant: dinkess");
  broken = await writeInventory(files, "baubau-validate-");
});
afterAll(() => rm(broken, { recursive: true, force: true }));

describe.concurrent("scripts/validate", () => {
  it("--format json: counts for a valid inventory, exit 0", { timeout: 60_000 }, async () => {
    const r = await runEntry("validate.ts", ["--format", "json", "inventory"]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ inventory: "inventory", ok: true, problems: [], otherProblems: 0 });
    expect(report.counts).toMatchObject({ sites: 248, city: { code: "74.72" } });
  });

  it("--format json: every problem with its position, exit 1", { timeout: 60_000 }, async () => {
    const r = await runEntry("validate.ts", ["--format", "json", broken]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ inventory: broken, ok: false, otherProblems: 0 });
    expect(report.problems).toEqual([
      expect.objectContaining({
        file: join(broken, "sites/wolio.yaml"),
        line: expect.any(Number),
        column: 5,
        path: expect.stringMatching(/^sites\[\d+\]\.tenant$/),
        message: 'no tenant "dinkess"',
        suggestion: "dinkes",
      }),
    ]);
  });

  it("given the file with the problem, lists it", { timeout: 60_000 }, async () => {
    const r = await runEntry("validate.ts", [join(broken, "sites/wolio.yaml"), join(broken, "city.yaml")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/sites\/wolio\.yaml:\d+:5 sites\[\d+\]\.tenant: no tenant "dinkess"/);
    expect(r.stderr).toMatch(/1 problem in or about the given files; 0 more in other files of /);
  });

  it("given another file of that inventory, counts the problem and still exits 1", {
    timeout: 60_000,
  }, async () => {
    const r = await runEntry("validate.ts", ["--format", "json", join(broken, "links/core.yaml")]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, problems: [], otherProblems: 1 });
  });

  it("refuses files of two inventories, and a directory with files (exit 2)", {
    timeout: 60_000,
  }, async () => {
    const two = await runEntry("validate.ts", [join(broken, "city.yaml"), "inventory/city.yaml"]);
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(/^the files are in different inventories: .*\n\nUsage: /);
    const mixed = await runEntry("validate.ts", ["inventory", "inventory/city.yaml"]);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/^give one inventory directory or YAML files of one inventory, not both/);
  });

  it("says so when a file is in no inventory", { timeout: 60_000 }, async () => {
    const r = await runEntry("validate.ts", [join(tmpdir(), "baubau-nowhere.yaml")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`${join(tmpdir(), "baubau-nowhere.yaml")}: no such file\n`);
  });

  it.each([[[]], [["--format", "json"]]])(
    "exits 0 without a word when its output pipe closes (%j)",
    { timeout: 60_000 },
    async (args) => {
      const r = await runEntry("validate.ts", args, { closeStdout: true });
      expect(r.stderr).not.toMatch(STACK_TRACE);
      expect(r).toMatchObject({ code: 0, stderr: "" });
    },
  );
});
