// scripts/coverage as a user runs it: a real process, real files, exit codes.
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { validateOfdsPackage } from "../../reports/ofds/validate.ts";

const run = promisify(execFile);
const root = resolve(import.meta.dirname, "../..");
const work = mkdtempSync(join(tmpdir(), "coverage-cli-"));

async function coverage(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ["--import", "tsx", join(root, "scripts/coverage.ts"), ...args],
      {
        cwd: root,
        maxBuffer: 64 << 20,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("scripts/coverage", () => {
  it("prints the terminal report with the target line by default", async () => {
    const { code, stdout } = await coverage([]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^Target fiber-phase-1 .*70% of opd, school, puskesmas by 2028-12-31; now \d+\.\d% \(\d+\/\d+\)/m,
    );
  });

  it("writes a valid OFDS package to --out", async () => {
    const out = join(work, "nested", "ofds.json");
    const { code, stderr } = await coverage(["--export", "ofds", "--out", out]);
    expect(code).toBe(0);
    expect(stderr).toContain(`wrote ${out}`);
    expect(validateOfdsPackage(JSON.parse(readFileSync(out, "utf8")))).toEqual({ valid: true, errors: [] });
  });

  it("exits 1 with a positioned problem and writes nothing when the inventory is broken", async () => {
    const inventory = join(work, "broken");
    cpSync(join(root, "inventory"), inventory, { recursive: true });
    const file = join(inventory, "sites", "wolio.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("status: operational", "status: operatonal"));
    const out = join(work, "never.html");
    const { code, stdout, stderr } = await coverage([
      "--inventory",
      inventory,
      "--format",
      "html",
      "--out",
      out,
    ]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(
      /sites\/wolio\.yaml:\d+:\d+ .*"operatonal" is not allowed.*did you mean "operational"\?/,
    );
    expect(() => readFileSync(out)).toThrow();
  });

  it("exits 2 on an unknown format and shows the usage", async () => {
    const { code, stderr } = await coverage(["--format", "pdf"]);
    expect(code).toBe(2);
    expect(stderr).toContain("Usage: scripts/coverage");
  });
});
