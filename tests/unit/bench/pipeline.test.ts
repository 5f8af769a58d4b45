// The benchmark itself is kept out of the suite's time budget; this runs it at a tiny size only to
// check that it works end to end: both formats generated, loaded, analysed, and the real
// `scripts/coverage` command timed on the files it wrote. No figure is asserted.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "../../../toolchain/paths.ts";

const run = promisify(execFile);

describe("scripts/bench", () => {
  let dir = "";
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("measures the pipeline and the command for OFDS and NDJSON at a tiny size, and the city's YAML load", {
    timeout: 120_000,
  }, async () => {
    dir = await mkdtemp(join(tmpdir(), "bench-test-"));
    const out = join(dir, "pipeline.json");
    await run(join(ROOT, "scripts", "bench"), [
      "--sizes",
      "300",
      "--runs",
      "1",
      "--city-runs",
      "1",
      "--out",
      out,
    ]);
    const report = JSON.parse(await readFile(out, "utf8"));
    expect(report.results.map((r: { format: string }) => r.format)).toEqual(["ofds", "ndjson"]);
    for (const r of report.results) {
      expect(r.sites).toBe(300);
      expect(r.links).toBeGreaterThan(290);
      expect(r.commandRuns).toHaveLength(1);
      expect(r.command.wallMs).toBeGreaterThan(0);
      expect(r.baselineJson.wallMs).toBeGreaterThan(0);
      expect(Object.keys(r.stages)).toEqual(report.stages);
    }
    // The city's YAML inventory, in its own fresh process and through scripts/validate.
    expect(report.city.runs).toBe(1);
    expect(report.city.importAndFirstLoad.cpuMs).toBeGreaterThan(report.city.firstLoad.cpuMs);
    expect(report.city.validateCommand.wallMs).toBeGreaterThan(0);
    // No 500k size in this run: no goal verdict, and no growth pair.
    expect(report.goal).toEqual([]);
    expect(report.ratios).toEqual([]);
  });
});
