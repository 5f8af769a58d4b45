// Random small edits of real inventory files: the loader never throws, and the fast YAML reader
// never accepts a text the yaml package rejects nor reads one differently.
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { fastLocatorFor } from "../../../model/load/fast-locate.ts";
import { OUTSIDE_SUBSET, parseFastYaml, parseFastYamlIndexed } from "../../../model/load/fast-yaml.ts";
import { parseInventory } from "../../../model/load/index.ts";
import { yamlLocatorFor } from "../../../model/load/locate.ts";
import type { PathSegment } from "../../../model/load/problem.ts";
import { realFiles } from "./inventory-fixture.ts";

// A fixed seed keeps failures reproducible; the edits are the typos people make.
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOISE = [
  " ",
  "  ",
  ":",
  "-",
  "#",
  "{",
  "}",
  "[",
  "]",
  ",",
  '"',
  "'",
  "\t",
  "\n",
  "x",
  "0",
  "&a",
  "*a",
  "!",
  "|",
  "?",
];

function mutate(text: string, next: () => number): string {
  const at = Math.floor(next() * text.length);
  const pick = NOISE[Math.floor(next() * NOISE.length)] ?? " ";
  switch (Math.floor(next() * 4)) {
    case 0:
      return text.slice(0, at) + pick + text.slice(at);
    case 1:
      return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 3));
    case 2: {
      // Re-indent or drop a whole line.
      const lines = text.split("\n");
      const i = Math.floor(next() * lines.length);
      if (next() < 0.5) lines.splice(i, 1);
      else
        lines[i] = (next() < 0.5 ? " " : "") + (lines[i] ?? "").replace(/^ {2}/, next() < 0.5 ? "" : "    ");
      return lines.join("\n");
    }
    default:
      return text.slice(0, at) + pick + text.slice(at + 1);
  }
}

function reference(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: parse(text, { schema: "core" }) };
  } catch {
    return { ok: false };
  }
}

const FILES = realFiles();
const SMALL = [
  "inventory/city.yaml",
  "inventory/links/core.yaml",
  "inventory/datacenter.yaml",
  "inventory/targets.yaml",
];

describe("fuzzed inventories", () => {
  it("the fast reader agrees with the yaml package or gives up, on 2,000 edited texts", () => {
    const next = rng(7472);
    let inside = 0;
    for (let n = 0; n < 2000; n++) {
      const file = SMALL[n % SMALL.length] as string;
      const text = mutate(FILES[file] ?? "", next);
      const fast = parseFastYaml(text);
      if (fast === OUTSIDE_SUBSET) continue;
      inside++;
      const ref = reference(text);
      expect(ref.ok, `fast reader accepted text the yaml package rejects:\n${text}`).toBe(true);
      if (ref.ok) expect(fast, text).toEqual(ref.value);
    }
    // Most typos stay in the subset, so the comparison above is not vacuous.
    expect(inside).toBeGreaterThan(500);
  });

  it("the fast locator points where the yaml package does, on 300 edited texts", () => {
    const next = rng(4);
    const paths = function* (v: unknown, p: PathSegment[] = []): Generator<PathSegment[]> {
      yield p;
      if (Array.isArray(v)) for (let i = 0; i < v.length; i++) yield* paths(v[i], [...p, i]);
      else if (v !== null && typeof v === "object")
        for (const [k, x] of Object.entries(v)) yield* paths(x, [...p, k]);
    };
    let checked = 0;
    for (let n = 0; n < 300; n++) {
      const text = mutate(FILES[SMALL[n % SMALL.length] as string] ?? "", next);
      const indexed = parseFastYamlIndexed(text);
      if (indexed === OUTSIDE_SUBSET) continue;
      const all = [...paths(indexed.value)].flatMap((p) => [p, [...p, "missing"]]);
      const byRecord = fastLocatorFor(text, all, indexed.itemLines);
      const whole = fastLocatorFor(text, all);
      const reference = yamlLocatorFor(text);
      for (const p of all) {
        const want = reference(p);
        expect(byRecord?.(p), `${JSON.stringify(p)} in\n${text}`).toEqual(want);
        expect(whole?.(p), `${JSON.stringify(p)} in\n${text}`).toEqual(want);
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });

  it("the loader never throws, on 150 edited inventories", () => {
    const next = rng(2028);
    const names = Object.keys(FILES);
    for (let n = 0; n < 150; n++) {
      const file = names[Math.floor(next() * names.length)] as string;
      const files = { ...FILES, [file]: mutate(FILES[file] ?? "", next) };
      const result = parseInventory(files);
      if (!result.ok) {
        for (const p of result.problems) {
          expect(p.file).toMatch(/^inventory\//);
          expect(p.message.length).toBeGreaterThan(0);
        }
      }
    }
  });
});
