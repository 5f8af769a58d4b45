// The fast YAML reader may give up, but it may never disagree with the yaml package.
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { isDecimalNumber } from "../../../model/load/fast-yaml/scalars.ts";
import { OUTSIDE_SUBSET, parseFastYaml } from "../../../model/load/fast-yaml.ts";
import { looksLikeJson } from "../../../model/load/yaml-source.ts";
import { realFiles } from "./inventory-fixture.ts";

const reference = (text: string) => parse(text, { schema: "core" });

// Snippets the fast reader must read itself, each compared with the yaml package.
const INSIDE = [
  "a: 1\nb: -5.4\nc: 1e3\nd: .5\ne: +3\n",
  "a: true\nb: False\nc: ~\nd: null\ne:\nf: NULL\n",
  'a: "74.72"\nb: \'it\'\'s\'\nc: "tab\\tand \\"quote\\" \\u00e9"\n',
  "a: plain with spaces # and a comment\nb: C#sharp\nc: x#y\n",
  'list:\n  - 1\n  - two\n  -\n  - [a, b, "1:8"]\n',
  "list:\n- a\n- b\nnext: 1\n",
  "items:\n  - id: x\n    nested:\n      deep: 1\n    flow: { a: 1, b: [1, 2], c: { d: e } }\n  - id: y\n",
  "a: { }\nb: []\nc: [ ]\nd: {}\n",
  "# only a comment\n",
  "",
  "a: 2025-01-31\nb: 1.36.1\nc: 074\n",
  "\ufeffa: 1\r\nb: 2\r\n",
  "a:\n  -\n    b: 1\n  - c: 2\n    d: 3\n",
  "- a\n- b: 1\n",
  "a: Dinas Pendidikan, Kepemudaan dan Olahraga\nb: [x, y]   # trailing\n",
  'a: { source: "news, early 2025: on fiber", illustrative: true, asOf: 2025-01-31 }\n',
  // YAML keeps a BOM or a no-break space inside a scalar; String.trim would not.
  "a: x\ufeff\nb: [y\u00a0]\nc: \u00a0z\n",
];

// Snippets outside the subset: the reader must give up (the yaml package handles them).
const OUTSIDE = [
  "a: &x 1\nb: *x\n",
  "a: !!str 1\n",
  "a: |\n  text\n",
  "a: >\n  folded\n",
  "a: multi\n  line plain\n",
  'a: "multi\n  line"\n',
  "a: [1,\n  2]\n",
  "a: 1\na: 2\n",
  '"quoted key": 1\n',
  "? complex\n: key\n",
  "---\na: 1\n",
  "a:\n\t- 1\n",
  "a: 0x1F\n",
  "a: .inf\n",
  "a: b: c\n",
  "a: [b: c]\n",
  "__proto__: 1\n",
  "a: {lat:1}\n",
  "a: x\ry\n",
  // The first item teaches the key hint "lat"; the second must still not be read as lat = 1.
  "- { lat: 1 }\n- { lat:1 }\n",
  "a:\n  - { lat: 1 }\n  - {lat:1}\n",
  // Duplicate keys where every key matches the hint at its position: after {a, b} and {c, a} the
  // row of hints is [c, a]; {a} makes it [a, a], so {a, a} must not pass as hinted and distinct.
  "- a: 1\n  b: 2\n- c: 1\n  a: 2\n- a: 1\n- a: 1\n  a: 2\n",
  "- a: 1\n  b: 2\n- a: 1\n  a: 2\n",
  "- a: 1\n  b: 2\n- a: 1\n  b: 2\n  a: 3\n",
  "- a:\n    a: 1\n  a: 2\n",
  "- a: 1\n  n:\n    a: 2\n  a: 3\n",
  "- { a: 1, b: 2 }\n- { a: 1, a: 2 }\n",
];

describe("fast YAML subset", () => {
  it("reads every real inventory file exactly as the yaml package does", () => {
    for (const [file, text] of Object.entries(realFiles())) {
      const fast = parseFastYaml(text);
      expect(fast, `${file} left the subset`).not.toBe(OUTSIDE_SUBSET);
      expect(fast, file).toEqual(reference(text));
    }
  });

  it.each(INSIDE.map((s) => [JSON.stringify(s), s]))("agrees with the yaml package on %s", (_, text) => {
    const fast = parseFastYaml(text);
    expect(fast).not.toBe(OUTSIDE_SUBSET);
    expect(fast).toEqual(reference(text));
  });

  it.each(OUTSIDE.map((s) => [JSON.stringify(s), s]))("gives up on %s", (_, text) => {
    expect(parseFastYaml(text)).toBe(OUTSIDE_SUBSET);
  });
});

describe("decimal numbers", () => {
  // The core schema's int and float patterns, as the yaml package writes them.
  const INT = /^[-+]?[0-9]+$/;
  const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

  it("scans exactly what the core schema's int and float patterns match", () => {
    const alphabet = "0123456789+-.eE x";
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    let numbers = 0;
    for (let k = 0; k < 50_000; k++) {
      let s = "";
      const length = 1 + Math.floor(random() * 7);
      for (let j = 0; j < length; j++) s += alphabet[Math.floor(random() * alphabet.length)];
      const expected = INT.test(s) || FLOAT.test(s);
      if (expected) numbers++;
      expect(isDecimalNumber(s), s).toBe(expected);
    }
    expect(numbers).toBeGreaterThan(1000);
    for (const s of ["-5.4792", "122.6592", ".5", "5.", "+3", "1e3", "1E-3", "-0", "007"])
      expect(isDecimalNumber(s), s).toBe(true);
    for (const s of [".", "+", "-", "e5", ".e5", "1e", "1e+", "1.2.3", "1_000", "0x1F", " 1", "1 "])
      expect(isDecimalNumber(s), s).toBe(false);
  });
});

describe("looksLikeJson", () => {
  it("answers from the first character after leading whitespace, as /^\\s*[{[]/ does", () => {
    const pad = " \n\t".repeat(2000);
    const cases = [
      "{}",
      "[1]",
      "  \n {",
      "\ufeff{",
      "a: 1",
      "",
      "   ",
      "# {",
      `${pad}{`,
      `${pad}a`,
      `${pad}`,
      "-[1]",
    ];
    for (const text of cases)
      expect(looksLikeJson(text), JSON.stringify(text.slice(-5))).toBe(/^\s*[{[]/.test(text));
  });
});
