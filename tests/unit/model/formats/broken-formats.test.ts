// Broken network files, each one small edit away from the city's inventory written in that format.
// Every case must give its own precise problem in the file's terms (file, record index or line, field
// path, message), as broken-inventory.test.ts asks of YAML, and none may crash the loader.
import { describe, expect, it } from "vitest";
import { geoJsonText, ndjsonText } from "../../../../bench/synthetic/network-files.ts";
import { type Problem, parseInventory, parseNetworkInventory } from "../../../../model/load/index.ts";
import type { Inventory } from "../../../../model/types.ts";
import { type OfdsPackage, renderOfds, toOfdsPackage } from "../../../../reports/ofds/package.ts";
import { type ExpectedProblem, expectOneProblem } from "../expect-problem.ts";
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

/** The single problem the edit must produce, in file `name`, asserted field by field. */
function expectOnly(name: string, text: string, expected: ExpectedProblem): Problem {
  return expectOneProblem(problemsOf(name, text), { file: name, ...expected });
}

describe("broken OFDS packages", () => {
  const NAME = "inventory/network.json";
  const pkg = (): OfdsPackage => JSON.parse(JSON.stringify(toOfdsPackage(INVENTORY)));
  const nodeIndex = (p: OfdsPackage, id: string) => p.networks[0].nodes.findIndex((n) => n.id === id);
  const spanIndex = (p: OfdsPackage, id: string) => p.networks[0].spans.findIndex((s) => s.id === id);
  const text = (p: OfdsPackage) => renderOfds(p);
  // The package with one node (or span) edited, and that element's path in the package.
  const editNode = (id: string, edit: (node: Record<string, any>) => void) => {
    const p = pkg();
    const i = nodeIndex(p, id);
    edit(p.networks[0].nodes[i] as Record<string, any>);
    return { text: text(p), at: `networks[0].nodes[${i}]` };
  };
  const editSpan = (id: string, edit: (span: Record<string, any>) => void) => {
    const p = pkg();
    const j = spanIndex(p, id);
    edit(p.networks[0].spans[j] as Record<string, any>);
    return { text: text(p), at: `networks[0].spans[${j}]` };
  };

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
    const node = editNode("sdn-2-bataraguru", (n) => {
      n.status = "operatonal";
    });
    const problem = expectOnly(NAME, node.text, {
      line: 0,
      path: `${node.at}.status`,
      message: '"operatonal" is not allowed',
      suggestion: "operational",
    });
    expect(problem.allowed).toContain("underConstruction");
  });

  it("a node location of the wrong geometry type", () => {
    const node = editNode("sdn-2-bataraguru", (n) => {
      n.location = {
        type: "LineString",
        coordinates: [
          [122.6, -5.4],
          [122.61, -5.41],
        ],
      };
    });
    expectOnly(NAME, node.text, {
      path: `${node.at}.location`,
      message: "expected a GeoJSON Point, found a LineString",
    });
  });

  it("latitude and longitude swapped: the coordinate out of range", () => {
    const node = editNode("sdn-2-bataraguru", (n) => {
      const [lon, lat] = n.location.coordinates;
      n.location.coordinates = [lat, lon];
    });
    expectOnly(NAME, node.text, {
      path: `${node.at}.location.coordinates[1]`,
      message: /^must be <= 90, found 122\./,
    });
  });

  it("a field OFDS lacks, missing from the extension", () => {
    const node = editNode("sdn-2-bataraguru", (n) => {
      delete n.baubau.authority;
    });
    expectOnly(NAME, node.text, {
      path: `${node.at}.baubau.authority`,
      message: /^is required/,
    });
  });

  it("a misspelt extension field: unknown, with the nearest name", () => {
    const span = editSpan("pop-lea-lea--pop-bungi", (s) => {
      s.baubau.budgetdB = s.baubau.budgetDb;
      delete s.baubau.budgetDb;
    });
    expectOnly(NAME, span.text, {
      path: `${span.at}.baubau.budgetdB`,
      message: 'unknown field "budgetdB"',
      suggestion: "budgetDb",
    });
  });

  it("a span end naming no node: the span's end field and the nearest site", () => {
    const span = editSpan("pop-lea-lea--pop-bungi", (s) => {
      s.end = "pop-bungii";
    });
    expectOnly(NAME, span.text, {
      path: `${span.at}.end`,
      message: 'no site "pop-bungii"',
      suggestion: "pop-bungi",
    });
  });

  it("a span fibre count that is not a number: OFDS's name for the field", () => {
    const span = editSpan("pop-lea-lea--pop-bungi", (s) => {
      s.fibreCount = "12";
    });
    expectOnly(NAME, span.text, {
      path: `${span.at}.fibreCount`,
      message: 'expected a number, found "12"',
    });
  });

  it("a deployment outside the codelist", () => {
    const span = editSpan("pop-lea-lea--pop-bungi", (s) => {
      s.deployment = ["overhead"];
    });
    const problem = expectOnly(NAME, span.text, {
      path: `${span.at}.deployment`,
      message: /^a list is not allowed/,
    });
    expect(problem.allowed).toEqual(["aboveGround", "belowGround"]);
  });

  it("a field given in the extension as well as in OFDS", () => {
    const node = editNode("sdn-2-bataraguru", (n) => {
      n.baubau.name = "SDN 2";
    });
    expectOnly(NAME, node.text, {
      path: `${node.at}.baubau.name`,
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
  // The collection with one record's feature edited, and that feature's path.
  const editFeature = (id: string, edit: (feature: Record<string, any>) => void) => {
    const c = collection();
    const f = featureOf(c, id);
    edit(c.features[f]);
    return { text: JSON.stringify(c), at: `features[${f}]` };
  };

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
    const feature = editFeature("opd-dinkes", (f) => {
      delete f.properties.category;
    });
    expectOnly(NAME, feature.text, {
      path: `${feature.at}.properties.category`,
      message: /^is required/,
    });
  });

  it("a latitude out of range: the coordinate that is wrong", () => {
    const feature = editFeature("opd-dinkes", (f) => {
      f.geometry.coordinates[1] = -95;
    });
    expectOnly(NAME, feature.text, {
      path: `${feature.at}.geometry.coordinates[1]`,
      message: "must be >= -90, found -95",
    });
  });

  it("a link to a site that is not there", () => {
    const feature = editFeature("pop-lea-lea--pop-bungi", (f) => {
      f.properties.b = "pop-bungii";
    });
    expectOnly(NAME, feature.text, {
      path: `${feature.at}.properties.b`,
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
  // The file with one record's line edited: the text, the line's number and its new text.
  const editLine = (id: string, from: string, to: string) => {
    const ls = lines();
    const at = lineOf(ls, id);
    ls[at] = (ls[at] as string).replace(from, to);
    return { text: ls.join("\n"), line: at + 1, edited: ls[at] as string };
  };

  it("a broken line: its line and column", () => {
    const record = editLine("opd-dinkes", '"category":', '"category"');
    expectOnly(NAME, record.text, {
      line: record.line,
      column: record.edited.indexOf('"category"') + '"category"'.length + 1,
      message: /^JSON syntax error: Expected ':' after property name/,
    });
  });

  it("a line that is neither a site nor a link: the nearest kind", () => {
    const record = editLine("opd-dinkes", '{"site":', '{"sit":');
    const p = expectOnly(NAME, record.text, {
      line: record.line,
      message: 'expected {"site": {...}} or {"link": {...}}, found an object with the keys "sit"',
      suggestion: "site",
    });
    expect(p.allowed).toEqual(["site", "link"]);
  });

  it("a missing field: the line, the field path and the record's column", () => {
    const record = editLine("opd-dinkes", '"authority":"city",', "");
    expectOnly(NAME, record.text, {
      line: record.line,
      column: 2,
      path: "site.authority",
      message: /^is required/,
    });
  });

  it("a link to a site that is not there: the line and the column of the field", () => {
    const record = editLine("pop-lea-lea--pop-bungi", '"b":"pop-bungi"', '"b":"pop-bungii"');
    expectOnly(NAME, record.text, {
      line: record.line,
      column: record.edited.indexOf('"b":') + 1,
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
