// The whole project type-checks and passes the linter and formatter: run here so CI's one test
// command covers them.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../../toolchain/paths.ts";

const run = promisify(execFile);

async function check(bin: string, args: string[]): Promise<string> {
  try {
    await run(process.execPath, [join(ROOT, "node_modules", bin), ...args], {
      cwd: ROOT,
      maxBuffer: 16 << 20,
    });
    return "";
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string };
    return `${e.stdout ?? ""}${e.stderr ?? ""}`.slice(0, 4000);
  }
}

describe("static checks", () => {
  it("tsc --noEmit finds no type error", { timeout: 180_000 }, async () => {
    expect(await check("typescript/bin/tsc", ["--noEmit", "-p", "."])).toBe("");
  });

  it("biome check finds no lint or format problem", { timeout: 120_000 }, async () => {
    expect(await check("@biomejs/biome/bin/biome", ["check", "."])).toBe("");
  });
});
