// Random small edits of real inventory files: the loader never throws, and every problem it gives
// names an inventory file and says something.
import { describe, expect, it } from "vitest";
import { parseInventory } from "../../../model/load/index.ts";
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

const FILES = realFiles();
describe("fuzzed inventories", () => {
  it("the loader never throws, on 40 edited inventories", () => {
    const next = rng(2028);
    const names = Object.keys(FILES);
    for (let n = 0; n < 40; n++) {
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
    // Each edit reads the whole inventory again; a loaded CI machine needs more than the default 5 s.
  }, 60_000);
});
