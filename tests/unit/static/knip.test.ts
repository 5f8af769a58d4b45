// Nothing unused: knip, with the checked-in knip.jsonc, finds no file, dependency or export that nothing
// uses, and no ignore in the config that is no longer needed (config hints count as errors).
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../../../toolchain/paths.ts";

const run = promisify(execFile);
const KNIP = join(ROOT, "node_modules/knip/bin/knip.js");

/** knip's report and exit code for the project in `dir` (the flags the project is checked with). */
async function knip(dir: string): Promise<{ code: number; report: string }> {
  const args = [KNIP, "--no-progress", "--treat-config-hints-as-errors", "--directory", dir];
  try {
    const { stdout, stderr } = await run(process.execPath, args, { cwd: dir, maxBuffer: 16 << 20 });
    return { code: 0, report: `${stdout}${stderr}`.trim() };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, report: `${e.stdout ?? ""}${e.stderr ?? ""}`.trim() };
  }
}

describe("knip", () => {
  it("finds nothing unused in the project", { timeout: 120_000 }, async () => {
    expect(await knip(ROOT)).toEqual({ code: 0, report: "" });
  });

  describe("on a tree with one of each unused thing", () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), "baubau-knip-"));
      const pkg = { name: "fixture", private: true, type: "module", dependencies: { "left-pad": "1.3.0" } };
      await writeFile(join(dir, "package.json"), JSON.stringify(pkg));
      await writeFile(join(dir, "knip.json"), JSON.stringify({ entry: ["main.ts"], project: ["*.ts"] }));
      await writeFile(join(dir, "main.ts"), 'import { used } from "./lib.ts";\nconsole.log(used);\n');
      await writeFile(join(dir, "lib.ts"), "export const used = 1;\nexport const forgotten = 2;\n");
      await writeFile(join(dir, "orphan.ts"), "export const nobody = 3;\n");
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));

    it("fails and names the file, the dependency and the export", { timeout: 60_000 }, async () => {
      const { code, report } = await knip(dir);
      expect(code).not.toBe(0);
      expect(report).toMatch(/Unused files \(1\)\s+orphan\.ts/);
      expect(report).toMatch(/Unused dependencies \(1\)\s+left-pad/);
      expect(report).toMatch(/Unused exports \(1\)\s+forgotten\s+lib\.ts:2/);
    });
  });
});
