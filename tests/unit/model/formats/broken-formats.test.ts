// Broken network files, each one small edit away from the city's inventory written in that format.
// Every case must give its own precise problem in the file's terms (file, record index or line, field
// path, message), as broken-inventory.test.ts asks of YAML, and none may crash the loader.
import { describe, expect, it } from "vitest";
import { geoJsonText, ndjsonText } from "../../../../bench/synthetic/network-files.ts";
import { type Problem, parseInventory, parseNetworkInventory } from "../../../../model/load/index.ts";
import type { Inventory } from "../../../../model/types.ts";
import { type OfdsPackage, renderOfds, toOfdsPackage } from "../../../../reports/ofds/package.ts";
import { realFiles } from "../inventory-fixture.ts";

const YAML = realFiles();
const CONTEXT = Object.fromEntries(
  ["city", "tenants", "targets"].map((f) => [`inventory/${f}.yaml`, YAML[`inventory/${f}.yaml`] as string]),
);
const INVENTORY = (() => {
  const loaded = parseInventory(YAML);
  if (!loaded.ok) throw new Error("the real inventory must load");
  return loaded.inventory as Inventory;
})();

function problemsOf(name: string, text: string, context = CONTEXT): Problem[] {
  const result = parseNetworkInventory({ ...context, [name]: text });
  if (result.ok) throw new Error("expected problems, the inventory loaded");
  return result.problems;
}

/** The single problem the edit must produce, asserted field by field. */
function expectOnly(
  name: string,
  text: string,
  expected: Omit<Partial<Problem>, "message"> & { message: RegExp | string },
): Problem {
  const problems = problemsOf(name, text);
  expect(problems, JSON.stringify(problems, null, 1)).toHaveLength(1);
  const [p] = problems as [Problem];
  const { message, ...rest } = expected;
  expect(p).toMatchObject({ file: name, ...rest });
  if (typeof message === "string") expect(p.message).toBe(message);
  else expect(p.message).toMatch(message);
  return p;
}

describe("broken OFDS packages", () => {
  const NAME = "inventory/network.json";
  const pkg = (): OfdsPackage => JSON.parse(JSON.stringify(toOfdsPackage(INVENTORY)));
  const nodeIndex = (p: OfdsPackage, id: string) => p.networks[0].nodes.findIndex((n) => n.id === id);
  const spanIndex = (p: OfdsPackage, id: string) => p.networks[0].spans.findIndex((s) => s.id === id);
  const text = (p: OfdsPackage) => renderOfds(p);

  it("broken JSON: the line and column where it broke", () => {
    const good = text(pkg());
    const lines = good.split("\n");
    const at = lines.findIndex((l) => l.includes('"id":"sdn-2-bataraguru"'));
    lines[at] = (lines[at] as string).replace('"name":', '"name"');
    const column = (lines[at] as string).indexOf('"name"') + '"name"'.length + 1;
    expectOnly(NAME, lines.join("\n"), {
      line: at + 1,
      column,
      path: "",
      message: /^JSON syntax error: Expected ':' after property name/,
    });
  });

  it("cut short: the end of the text", () => {
    const good = text(pkg());
    // Whole lines: the text ends between records, not inside a string.
    const cut = good.split("\n").slice(0, 40).join("\n");
    expectOnly(NAME, cut, {
      line: cut.split("\n").length,
      message: "JSON syntax error: Unexpected end of JSON input",
    });
  });

  it("not a package: what it should have been", () => {
    expectOnly(NAME, '{"nodes": []}', {
      path: "networks",
      message: 'an OFDS network package is an object with a "networks" list, found nothing',
    });
  });

  it("a node status outside the codelist: the node's own field, the allowed words, the nearest", () => {
    const p = pkg();
    const i = nodeIndex(p, "sdn-2-bataraguru");
    (p.networks[0].nodes[i] as { status: string }).status = "operatonal";
    const problem = expectOnly(NAME, text(p), {
      line: 0,
      path: `networks[0].nodes[${i}].status`,
      message: '"operatonal" is not allowed',
      suggestion: "operational",
    });
    expect(problem.allowed).toContain("underConstruction");
  });

  it("a node location of the wrong geometry type", () => {
    const p = pkg();
    const i = nodeIndex(p, "sdn-2-bataraguru");
    const node = p.networks[0].nodes[i] as unknown as { location: unknown };
    node.location = {
      type: "LineString",
      coordinates: [
        [122.6, -5.4],
        [122.61, -5.41],
      ],
    };
    expectOnly(NAME, text(p), {
      path: `networks[0].nodes[${i}].location`,
      message: "expected a GeoJSON Point, found a LineString",
    });
  });

  it("latitude and longitude swapped: the coordinate out of range", () => {
    const p = pkg();
    const i = nodeIndex(p, "sdn-2-bataraguru");
    const c = p.networks[0].nodes[i]?.location.coordinates as [number, number];
    p.networks[0].nodes[i]!.location.coordinates = [c[1], c[0]];
    expectOnly(NAME, text(p), {
      path: `networks[0].nodes[${i}].location.coordinates[1]`,
      message: /^must be <= 90, found 122\./,
    });
  });

  it("a field OFDS lacks, missing from the extension", () => {
    const p = pkg();
    const i = nodeIndex(p, "sdn-2-bataraguru");
    const ext = p.networks[0].nodes[i]?.baubau as { authority?: string };
    delete ext.authority;
    expectOnly(NAME, text(p), {
      path: `networks[0].nodes[${i}].baubau.authority`,
      message: /^is required/,
    });
  });

  it("a misspelt extension field: unknown, with the nearest name", () => {
    const p = pkg();
    const j = spanIndex(p, "pop-lea-lea--pop-bungi");
    const ext = p.networks[0].spans[j]?.baubau as unknown as Record<string, unknown>;
    ext.budgetdB = ext.budgetDb;
    delete ext.budgetDb;
    expectOnly(NAME, text(p), {
      path: `networks[0].spans[${j}].baubau.budgetdB`,
      message: 'unknown field "budgetdB"',
      suggestion: "budgetDb",
    });
  });

  it("a span end naming no node: the span's end field and the nearest site", () => {
    const p = pkg();
    const j = spanIndex(p, "pop-lea-lea--pop-bungi");
    p.networks[0].spans[j]!.end = "pop-bungii";
    expectOnly(NAME, text(p), {
      path: `networks[0].spans[${j}].end`,
      message: 'no site "pop-bungii"',
      suggestion: "pop-bungi",
    });
  });

  it("a span fibre count that is not a number: OFDS's name for the field", () => {
    const p = pkg();
    const j = spanIndex(p, "pop-lea-lea--pop-bungi");
    (p.networks[0].spans[j] as unknown as Record<string, unknown>).fibreCount = "12";
    expectOnly(NAME, text(p), {
      path: `networks[0].spans[${j}].fibreCount`,
      message: 'expected a number, found "12"',
    });
  });

  it("a deployment outside the codelist", () => {
    const p = pkg();
    const j = spanIndex(p, "pop-lea-lea--pop-bungi");
    (p.networks[0].spans[j] as unknown as Record<string, unknown>).deployment = ["overhead"];
    const problem = expectOnly(NAME, text(p), {
      path: `networks[0].spans[${j}].deployment`,
      message: /^a list is not allowed/,
    });
    expect(problem.allowed).toEqual(["aboveGround", "belowGround"]);
  });

  it("a field given in the extension as well as in OFDS", () => {
    const p = pkg();
    const i = nodeIndex(p, "sdn-2-bataraguru");
    (p.networks[0].nodes[i]?.baubau as unknown as Record<string, unknown>).name = "SDN 2";
    expectOnly(NAME, text(p), {
      path: `networks[0].nodes[${i}].baubau.name`,
      message: 'is the node\'s own OFDS field "name"; give it there, not here',
    });
  });

  it("a package of ours without its context files: the files that are missing", () => {
    const problems = problemsOf(NAME, text(pkg()), {});
    expect(problems.map((q) => `${q.file} ${q.message}`)).toEqual([
      "city.yaml file is missing",
      "targets.yaml file is missing",
      "tenants.yaml file is missing",
    ]);
  });

  it("a foreign package with no date: said once, where the date belongs", () => {
    const foreign = {
      networks: [
        {
          id: "n",
          name: "Other",
          links: [],
          nodes: [1, 2].map((n) => ({
            id: `n${n}`,
            name: `N${n}`,
            status: "planned",
            location: { type: "Point", coordinates: [n, n] },
          })),
        },
      ],
    };
    const problems = problemsOf(NAME, JSON.stringify(foreign), {});
    expect(problems).toEqual([
      expect.objectContaining({
        path: "networks[0].collectionDate",
        message: expect.stringMatching(/^is required to date a package/),
      }),
    ]);
  });
});

describe("broken GeoJSON", () => {
  const NAME = "inventory/network.geojson";
  const collection = () => JSON.parse(geoJsonText(INVENTORY.sites, INVENTORY.links));
  const featureOf = (c: { features: { properties: { id: string } }[] }, id: string) =>
    c.features.findIndex((f) => f.properties.id === id);

  it("broken JSON: line and column", () => {
    const good = geoJsonText(INVENTORY.sites, INVENTORY.links).split("\n");
    good[3] = (good[3] as string).replace('"Feature"', "'Feature'");
    expectOnly(NAME, good.join("\n"), {
      line: 4,
      path: "",
      message: /^JSON syntax error: /,
      column: expect.any(Number),
    });
  });

  it("a geometry that is neither a site nor a link", () => {
    const c = collection();
    c.features[5].geometry = { type: "Polygon", coordinates: [] };
    const p = expectOnly(NAME, JSON.stringify(c), {
      path: "features[5].geometry.type",
      message: '"Polygon" is not allowed: a Point is a site, a LineString a link',
    });
    expect(p.allowed).toEqual(["Point", "LineString"]);
  });

  it("a site without its category: the feature's properties", () => {
    const c = collection();
    const f = featureOf(c, "opd-dinkes");
    delete c.features[f].properties.category;
    expectOnly(NAME, JSON.stringify(c), {
      path: `features[${f}].properties.category`,
      message: /^is required/,
    });
  });

  it("a latitude out of range: the coordinate that is wrong", () => {
    const c = collection();
    const f = featureOf(c, "opd-dinkes");
    c.features[f].geometry.coordinates[1] = -95;
    expectOnly(NAME, JSON.stringify(c), {
      path: `features[${f}].geometry.coordinates[1]`,
      message: "must be >= -90, found -95",
    });
  });

  it("a link to a site that is not there", () => {
    const c = collection();
    const f = featureOf(c, "pop-lea-lea--pop-bungi");
    c.features[f].properties.b = "pop-bungii";
    expectOnly(NAME, JSON.stringify(c), {
      path: `features[${f}].properties.b`,
      message: 'no site "pop-bungii"',
      suggestion: "pop-bungi",
    });
  });

  it("not a FeatureCollection", () => {
    expectOnly(NAME, '{"type":"Feature"}', {
      path: "",
      message: 'expected a GeoJSON FeatureCollection with a "features" list, found type "Feature"',
    });
  });
});

describe("broken NDJSON: every problem names its line", () => {
  const NAME = "inventory/network.ndjson";
  const lines = () => ndjsonText(INVENTORY.sites, INVENTORY.links).split("\n");
  const lineOf = (ls: string[], id: string) => ls.findIndex((l) => l.includes(`"id":"${id}"`));

  it("a broken line: its line and column", () => {
    const ls = lines();
    const at = lineOf(ls, "opd-dinkes");
    ls[at] = (ls[at] as string).replace('"category":', '"category"');
    const column = (ls[at] as string).indexOf('"category"') + '"category"'.length + 1;
    expectOnly(NAME, ls.join("\n"), {
      line: at + 1,
      column,
      message: /^JSON syntax error: Expected ':' after property name/,
    });
  });

  it("a line that is neither a site nor a link: the nearest kind", () => {
    const ls = lines();
    const at = lineOf(ls, "opd-dinkes");
    ls[at] = (ls[at] as string).replace('{"site":', '{"sit":');
    const p = expectOnly(NAME, ls.join("\n"), {
      line: at + 1,
      message: 'expected {"site": {...}} or {"link": {...}}, found an object with the keys "sit"',
      suggestion: "site",
    });
    expect(p.allowed).toEqual(["site", "link"]);
  });

  it("a missing field: the line, the field path and the record's column", () => {
    const ls = lines();
    const at = lineOf(ls, "opd-dinkes");
    ls[at] = (ls[at] as string).replace('"authority":"city",', "");
    expectOnly(NAME, ls.join("\n"), {
      line: at + 1,
      column: 2,
      path: "site.authority",
      message: /^is required/,
    });
  });

  it("a link to a site that is not there: the line and the column of the field", () => {
    const ls = lines();
    const at = lineOf(ls, "pop-lea-lea--pop-bungi");
    ls[at] = (ls[at] as string).replace('"b":"pop-bungi"', '"b":"pop-bungii"');
    expectOnly(NAME, ls.join("\n"), {
      line: at + 1,
      column: (ls[at] as string).indexOf('"b":') + 1,
      path: "link.b",
      message: 'no site "pop-bungii"',
      suggestion: "pop-bungi",
    });
  });

  it("a duplicated site: the line of the repeat, and the line of the first", () => {
    const ls = lines();
    const at = lineOf(ls, "opd-dinkes");
    ls.splice(at + 1, 0, ls[at] as string);
    const problems = problemsOf(NAME, ls.join("\n"));
    const dup = problems.find((p) => /duplicate|again|more than once/.test(p.message));
    expect(dup, JSON.stringify(problems, null, 1)).toMatchObject({
      line: at + 2,
      related: { file: NAME, line: at + 1 },
    });
  });
});
