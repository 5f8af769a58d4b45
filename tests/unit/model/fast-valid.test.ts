// The loader's fast yes for sites and links must never say yes where zod says no (that would let a
// bad record through), and should say yes for ordinary valid records (or it saves nothing).
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { surelyValidLink, surelyValidSite } from "../../../model/load/fast-valid.ts";
import { formatProblems, loadInventory } from "../../../model/load/index.ts";
import { linkSchema } from "../../../model/schema/links.ts";
import { siteSchema } from "../../../model/schema/sites.ts";
import type { Inventory } from "../../../model/types.ts";
import { prng } from "../analyses/random-network.ts";
import pinned from "./fast-valid.schemas.json" with { type: "json" };

const ROOT = new URL("../../../inventory", import.meta.url).pathname;

async function inventory(): Promise<Inventory> {
  const result = await loadInventory(ROOT);
  if (!result.ok) throw new Error(formatProblems(result.problems));
  return result.inventory;
}

const ODD_VALUES: unknown[] = [
  undefined,
  null,
  "",
  "x",
  "Bad_Id",
  "a".repeat(63),
  "a".repeat(64),
  "-lead",
  "2026-02-30",
  "2026-11-01",
  "1:3",
  "1:64",
  "gpon",
  "fiber",
  "operational",
  "SD",
  "school",
  "pop",
  "province",
  "aerial",
  "core",
  0,
  -0,
  1,
  -1,
  1.5,
  90,
  90.5,
  -180,
  181,
  1310,
  1311,
  2 ** 53,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  false,
  [],
  ["x"],
  ["1:8"],
  [1],
  {},
  { lat: 0, lon: 0 },
];

function clone<T>(x: T): T {
  return structuredClone(x);
}

/** Every way of setting one field (top level or nested one level) to an odd value, or dropping it,
 * or adding a key the schema does not know. */
function* mutations(record: Record<string, unknown>): Generator<unknown> {
  const paths: string[][] = [];
  for (const [k, v] of Object.entries(record)) {
    paths.push([k]);
    if (v && typeof v === "object" && !Array.isArray(v)) for (const k2 of Object.keys(v)) paths.push([k, k2]);
    if (Array.isArray(v)) for (let i = 0; i < v.length; i++) paths.push([k, String(i)]);
  }
  for (const extra of ["extra", "level", "tenant", "kelurahan", "owner", "access", "pop"]) {
    paths.push([extra]);
    for (const k of ["location", "connection", "provenance"]) if (k in record) paths.push([k, extra]);
  }
  for (const path of paths) {
    for (const value of [...ODD_VALUES, "drop"]) {
      const copy = clone(record);
      let holder = copy as Record<string, unknown>;
      for (const seg of path.slice(0, -1)) holder = holder[seg] as Record<string, unknown>;
      const last = path[path.length - 1] as string;
      if (value === "drop") delete holder[last];
      else holder[last] = value;
      yield copy;
    }
  }
  yield Object.assign(Object.create(null), clone(record));
  yield [clone(record)];
  yield null;
  yield "site";
}

function check(
  records: readonly Record<string, unknown>[],
  fast: (x: unknown) => boolean,
  schema: z.ZodType,
): number {
  let yes = 0;
  for (const record of records) {
    expect(fast(record)).toBe(true);
    for (const m of mutations(record)) {
      if (!fast(m)) continue;
      yes++;
      // A yes must be zod's yes too.
      expect(schema.safeParse(m).success, JSON.stringify(m)).toBe(true);
    }
  }
  return yes;
}

describe("fast validation of sites and links", () => {
  it("says yes to every record of the real inventory, and only where zod does on mutations", async () => {
    const inv = await inventory();
    const sites = inv.sites as unknown as Record<string, unknown>[];
    const links = inv.links as unknown as Record<string, unknown>[];
    // Some mutations stay valid (another valid enum value, an optional field dropped): they are checked.
    expect(check(sites.slice(0, 40), surelyValidSite, siteSchema)).toBeGreaterThan(0);
    expect(check(links.slice(0, 40), surelyValidLink, linkSchema)).toBeGreaterThan(0);
    for (const s of sites) expect(surelyValidSite(s)).toBe(true);
    for (const l of links) expect(surelyValidLink(l)).toBe(true);
  });

  it("agrees with zod on random combinations of odd values", async () => {
    const inv = await inventory();
    const rand = prng(17);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
    for (const [records, fast, schema] of [
      [inv.sites as readonly unknown[], surelyValidSite, siteSchema],
      [inv.links as readonly unknown[], surelyValidLink, linkSchema],
    ] as const) {
      for (let k = 0; k < 3000; k++) {
        const r = clone(pick(records)) as unknown as Record<string, unknown>;
        for (let j = 0; j < 1 + Math.floor(rand() * 3); j++) {
          const keys = Object.keys(r);
          const key = pick(keys);
          const v = r[key];
          if (v && typeof v === "object" && !Array.isArray(v) && rand() < 0.5) {
            (v as Record<string, unknown>)[pick(Object.keys(v))] = pick(ODD_VALUES);
          } else r[key] = pick(ODD_VALUES);
        }
        if (fast(r)) expect(schema.safeParse(r).success, JSON.stringify(r)).toBe(true);
      }
    }
  });

  // fast-valid.ts mirrors the schemas by hand. If a schema changes, this fails: mirror the change
  // in model/load/fast-valid.ts (a new rule there too), then update fast-valid.schemas.json.
  it("mirrors the site and link schemas as they are pinned", () => {
    expect(z.toJSONSchema(siteSchema)).toEqual(pinned.site);
    expect(z.toJSONSchema(linkSchema)).toEqual(pinned.link);
  });
});
