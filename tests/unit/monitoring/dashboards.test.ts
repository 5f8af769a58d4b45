// The dashboards are valid Grafana models (schema, unique ids, a clean grid), their uids are unique,
// and every PromQL query parses: each is checked by promtool as the expression of a recording rule.
import { execFile } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { dashboards } from "../../../monitoring/dashboards/index.ts";
import { dashboardProblems } from "../../../monitoring/dashboards/schema.ts";
import { scratch } from "./fixture.ts";

const run = promisify(execFile);
const dir = scratch("dashboards");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const all = dashboards();
const queries = all.flatMap((d) =>
  d.panels.flatMap((p) => p.targets.map((t) => ({ where: `${d.uid}#${p.id}${t.refId}`, expr: t.expr }))),
);

async function promtoolParses(exprs: string[]): Promise<{ ok: boolean; out: string }> {
  const file = join(dir, "queries.yaml");
  writeFileSync(
    file,
    stringify({ groups: [{ name: "q", rules: exprs.map((expr, i) => ({ record: `q:${i}`, expr })) }] }),
  );
  return run("promtool", ["check", "rules", file]).then(
    (r) => ({ ok: true, out: r.stdout + r.stderr }),
    (e: { stdout?: string; stderr?: string }) => ({ ok: false, out: `${e.stdout}${e.stderr}` }),
  );
}

describe("dashboards", () => {
  it("are the five the issue names, each a valid model with unique panel ids and a clean grid", () => {
    expect(all.map((d) => d.uid)).toEqual([
      "baubau-roadmap",
      "baubau-network",
      "baubau-services",
      "baubau-datacenter",
      "baubau-operator",
    ]);
    expect(new Set(all.map((d) => d.uid)).size).toBe(all.length);
    expect(all.flatMap(dashboardProblems)).toEqual([]);
  });

  it("name the problems of a broken dashboard", () => {
    const fresh = () => {
      const d = dashboards()[0];
      if (!d || d.panels.length < 2) throw new Error("the roadmap dashboard has fewer than two panels");
      return d as typeof d & { panels: [(typeof d.panels)[0], (typeof d.panels)[0]] };
    };
    const twice = fresh();
    twice.panels[1].id = twice.panels[0].id;
    expect(dashboardProblems(twice)).toContain("baubau-roadmap: panel id 1 is used twice");
    const overlap = fresh();
    overlap.panels[1].gridPos = { ...overlap.panels[0].gridPos };
    expect(dashboardProblems(overlap)).toEqual(["baubau-roadmap: panels 1 and 2 overlap"]);
    const wide = fresh();
    wide.panels[0].gridPos.w = 30;
    expect(dashboardProblems(wide)[0]).toBe(
      "baubau-roadmap: panels.0.gridPos.w: Too big: expected number to be <=24",
    );
    expect(dashboardProblems({ ...fresh(), uid: "Not A Uid" })[0]).toContain(
      "Grafana uids are at most 40 characters",
    );
  });

  it("every query parses (promtool)", async () => {
    expect(queries.length).toBeGreaterThan(30);
    const r = await promtoolParses(queries.map((q) => q.expr));
    expect(r.out).toContain(`SUCCESS: ${queries.length} rules found`);
    expect(r.ok).toBe(true);
  });

  it("the parse check can fail", async () => {
    const r = await promtoolParses(["sum by (site (probe_success)"]);
    expect(r.ok).toBe(false);
  });
});
