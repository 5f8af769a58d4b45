// The fast locator (subset files) and the yaml-package locator must point at the same place for
// every field path, so a problem's line does not depend on which reader handled the file.
import { describe, expect, it } from "vitest";
import { fastLocatorFor } from "../../../model/load/fast-locate.ts";
import { OUTSIDE_SUBSET, parseFastYaml, parseFastYamlIndexed } from "../../../model/load/fast-yaml.ts";
import { yamlLocatorFor } from "../../../model/load/locate.ts";
import type { PathSegment } from "../../../model/load/problem.ts";
import { realFiles } from "./inventory-fixture.ts";

function* paths(value: unknown, prefix: PathSegment[] = []): Generator<PathSegment[]> {
  yield prefix;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* paths(value[i], [...prefix, i]);
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) yield* paths(v, [...prefix, k]);
  }
}

describe("locating a field path", () => {
  const files = realFiles();
  for (const file of [
    "inventory/datacenter.yaml",
    "inventory/links/core.yaml",
    "inventory/sites/bungi.yaml",
    "inventory/tenants.yaml",
    "inventory/city.yaml",
  ]) {
    it(`agrees between the fast and the yaml-package locator in ${file}`, () => {
      const text = files[file] ?? "";
      // Every field path, and a field missing from each existing record: both stop at the record.
      const all = [...paths(parseFastYaml(text))].flatMap((p) => [p, [...p, "missing"]]);
      const fast = fastLocatorFor(text, all);
      expect(fast).toBeDefined();
      const slow = yamlLocatorFor(text);
      for (const p of all) expect(fast?.(p), JSON.stringify(p)).toEqual(slow(p));
      expect(all.length).toBeGreaterThan(100);

      // Record by record, re-reading only each record from the line index of the first read.
      const indexed = parseFastYamlIndexed(text);
      if (indexed === OUTSIDE_SUBSET) throw new Error("the real inventory must stay in the fast subset");
      const byRecord = fastLocatorFor(text, all, indexed.itemLines);
      for (const p of all) expect(byRecord?.(p), JSON.stringify(p)).toEqual(slow(p));
    });
  }

  it("falls back to the yaml package outside the subset", () => {
    expect(fastLocatorFor("a: &x 1\nb: *x\n", [["a"]])).toBeUndefined();
  });
});

describe("locating inside one record", () => {
  it("works when list items sit at the indentation of their key", () => {
    const text = "sites:\n- id: a\n  srlg:\n  - x\n- id: b\n  name: B\nlinks: []\n";
    const indexed = parseFastYamlIndexed(text);
    if (indexed === OUTSIDE_SUBSET) throw new Error("expected the subset");
    const paths = [
      ["sites", 0, "srlg", 0],
      ["sites", 1, "name"],
      ["sites", 1, "missing"],
    ];
    const fast = fastLocatorFor(text, paths, indexed.itemLines);
    const slow = yamlLocatorFor(text);
    for (const p of paths) expect(fast?.(p), JSON.stringify(p)).toEqual(slow(p));
  });
});
