// Arrows between rooms point the way ARCHITECTURE.md's "may import" column says: dependency-cruiser, with
// rules that .dependency-cruiser.mjs reads from that table, finds no import against it.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../../../toolchain/paths.ts";

const run = promisify(execFile);
const DEPCRUISE = join(ROOT, "node_modules/dependency-cruiser/bin/dependency-cruiser.mjs");
const CONFIG = join(ROOT, ".dependency-cruiser.mjs");

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

/** The violations dependency-cruiser reports for `folders` of the tree in `dir`. */
async function violations(dir: string, folders: string[]): Promise<string[]> {
  const args = [DEPCRUISE, "--config", CONFIG, "--output-type", "json", ...folders];
  const report = await run(process.execPath, args, { cwd: dir, maxBuffer: 64 << 20 }).then(
    (r) => r.stdout,
    // Exit 1 with the report on stdout when there are violations; anything else is a broken run.
    (err: { code?: number; stdout?: string; stderr?: string }) => {
      if (err.code === 1 && err.stdout) return err.stdout;
      throw new Error(`depcruise failed (exit ${err.code}): ${err.stderr}`);
    },
  );
  const { summary } = JSON.parse(report) as { summary: { violations: Violation[] } };
  return summary.violations.map((v) => `${v.from} -> ${v.to} (${v.rule.name})`).sort();
}

/** Top-level folders holding TypeScript or JavaScript of ours. */
async function codeFolders(): Promise<string[]> {
  const entries = await readdir(ROOT, { withFileTypes: true });
  const ignored = new Set(["node_modules", "out", "coverage"]);
  const folders: string[] = [];
  for (const e of entries) {
    if (!e.isDirectory() || e.name.startsWith(".") || ignored.has(e.name)) continue;
    const files = await readdir(join(ROOT, e.name), { recursive: true });
    if (files.some((f) => /\.(ts|mjs|js)$/.test(f) && !f.includes("node_modules"))) folders.push(e.name);
  }
  return folders.sort();
}

describe("import direction between rooms", () => {
  it("every folder with code is a room in ARCHITECTURE.md's table", async () => {
    const text = await readFile(join(ROOT, "ARCHITECTURE.md"), "utf8");
    const table = text.split(/^## Rooms$/m)[1]?.split(/^## /m)[0] ?? "";
    const rooms = [...table.matchAll(/^\| `([a-z-]+)\/`/gm)].map((m) => m[1]);
    expect((await codeFolders()).filter((f) => !rooms.includes(f))).toEqual([]);
  });

  it("the project has no import against the table", { timeout: 120_000 }, async () => {
    expect(await violations(ROOT, await codeFolders())).toEqual([]);
  });

  describe("on a tree with wrong arrows planted", () => {
    let dir: string;
    // file → what it imports; the comments say what the table says of each arrow.
    const tree: Record<string, string> = {
      "model/types.ts": "export type Site = { id: string };\n",
      // wrong: model/ imports nothing of ours, not even a type
      "model/load.ts": 'import type { Row } from "../reports/row.ts";\nexport const rows: Row[] = [];\n',
      // wrong: model/ must not know Kubernetes manifests
      "model/analyses.ts": 'import { chart } from "../charts/chart.ts";\nexport const x = chart;\n',
      // right: charts/ may import model/
      "charts/chart.ts":
        'import type { Site } from "../model/types.ts";\nexport const chart = (s: Site) => s.id;\n',
      "reports/row.ts": 'import type { Site } from "../model/types.ts";\nexport type Row = Site;\n',
      // right: twin/ may import toolchain/; wrong: toolchain/ imports nothing of ours
      "twin/kwok.ts": 'import { bin } from "../toolchain/paths.ts";\nexport const kwok = bin;\n',
      "toolchain/paths.ts":
        'export const bin = "kwok";\nexport const later = () => import("../twin/kwok.ts");\n',
      // right: stacks/ may import monitoring/ and charts/; wrong: stacks/ does not run the twin
      "stacks/index.ts":
        'import "../monitoring/rules.ts";\nimport "../charts/chart.ts";\nimport { kwok } from "../twin/kwok.ts";\nexport { kwok };\n',
      "monitoring/rules.ts":
        'import type { Site } from "../model/types.ts";\nexport const rules: Site[] = [];\n',
      // right: scripts/ may import everything
      "scripts/run.ts":
        'import "../stacks/index.ts";\nimport "../twin/kwok.ts";\nimport "../reports/row.ts";\n',
      // wrong: child processes go through toolchain/process.ts only; right: that file itself
      "scripts/spawns.ts": 'import { spawn } from "node:child_process";\nexport const s = spawn;\n',
      "toolchain/process.ts": 'import { spawn } from "node:child_process";\nexport const $ = spawn;\n',
    };

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), "baubau-depcruise-"));
      for (const [file, text] of Object.entries(tree)) {
        await mkdir(dirname(join(dir, file)), { recursive: true });
        await writeFile(join(dir, file), text);
      }
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));

    it("fails on exactly the wrong ones, naming the rule", { timeout: 60_000 }, async () => {
      const folders = [...new Set(Object.keys(tree).map((f) => f.split("/")[0] as string))];
      expect(await violations(dir, folders)).toEqual([
        "model/analyses.ts -> charts/chart.ts (model-may-import)",
        "model/load.ts -> reports/row.ts (model-may-import)",
        "scripts/spawns.ts -> child_process (processes-through-zx)",
        "stacks/index.ts -> twin/kwok.ts (stacks-may-import)",
        "toolchain/paths.ts -> twin/kwok.ts (toolchain-may-import)",
      ]);
    });
  });
});
