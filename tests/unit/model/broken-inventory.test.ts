// A corpus of broken inventories, each one small edit away from the real one. Every case must give
// its own precise problem (file, line, field path, message) and none may crash the loader.
import { rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  loadInventory,
  type Problem,
  parseInventory,
  parseNetworkInventory,
} from "../../../model/load/index.ts";
import { FIBER_STATUSES } from "../../../model/types.ts";
import { type ExpectedProblem, expectOneProblem } from "./expect-problem.ts";
import {
  editFile,
  editRecord,
  positionOf,
  realFiles,
  recordIndex,
  writeInventory,
} from "./inventory-fixture.ts";

// Every case reads the whole city inventory with the yaml library, once or a few times (about 0.1 s
// each on a quiet machine): a CI machine busy with other suites needs more than the default 5 s.
vi.setConfig({ testTimeout: 60_000 });

const GOOD = realFiles();
const WOLIO = "inventory/sites/wolio.yaml";
const ACCESS = "inventory/links/access.yaml";
const DC = "inventory/datacenter.yaml";
const TENANTS = "inventory/tenants.yaml";

function problemsOf(files: Record<string, string>): Problem[] {
  const result = parseInventory(files);
  if (result.ok) throw new Error("expected problems, the inventory loaded");
  return result.problems;
}

/** The single problem the edit must produce, asserted field by field. */
function expectOnly(files: Record<string, string>, expected: ExpectedProblem): Problem {
  return expectOneProblem(problemsOf(files), expected);
}

/** One edit of one record and the single problem it must give, asserted field by field. */
type OneEdit = ExpectedProblem & {
  name: string;
  /** What editRecord(GOOD, ...) changes: the file, the record's id, the text before and after. */
  edit: [file: string, id: string, from: string, to: string];
  /** Where the problem points in the edited files: positionOf(files, file, text, within record id). */
  at?: [file: string, needle: string, id?: string];
  /** What else the problem must say: the allowed values, the related place. */
  also?: (p: Problem, files: Record<string, string>) => void;
};

function expectEdit({ name: _name, edit, at, also, ...problem }: OneEdit): void {
  const files = editRecord(GOOD, ...edit);
  const p = expectOnly(files, at ? { ...positionOf(files, ...at), ...problem } : problem);
  also?.(p, files);
}

const sdn2 = recordIndex(GOOD, WOLIO, "sdn-2-bataraguru");

/** How many sites the real inventory has. */
function parseSites(): number {
  const good = parseInventory(GOOD);
  if (!good.ok) throw new Error("the real inventory must load");
  return good.inventory.sites.length;
}

describe("broken inventories", () => {
  const ONE_EDIT: OneEdit[] = [
    {
      name: "an unknown status word: allowed values and the nearest one",
      edit: [WOLIO, "sdn-2-bataraguru", "status: operational", "status: operatonal"],
      at: [WOLIO, "status: operatonal", "sdn-2-bataraguru"],
      file: WOLIO,
      path: `sites[${sdn2}].connection.status`,
      message: '"operatonal" is not allowed',
      suggestion: "operational",
      also: (p) => expect(p.allowed).toEqual([...FIBER_STATUSES]),
    },
    {
      // "medium" is now missing too, but the suggestion already says so: no second problem.
      name: "a misspelt field name",
      edit: [WOLIO, "sdn-2-bataraguru", "      medium: fiber", "      mediun: fiber"],
      at: [WOLIO, "mediun", "sdn-2-bataraguru"],
      path: `sites[${sdn2}].connection.mediun`,
      message: 'unknown field "mediun"',
      suggestion: "medium",
    },
    {
      name: "a missing required field points at its record",
      edit: [WOLIO, "sdn-2-bataraguru", "    authority: city\n", ""],
      at: [WOLIO, "id: sdn-2-bataraguru"],
      path: `sites[${sdn2}].authority`,
      message: /^is required/,
    },
    {
      name: "an unknown tenant suggests the nearest one",
      edit: [WOLIO, "opd-dinkes", "tenant: dinkes", "tenant: dinkess"],
      at: [WOLIO, "tenant: dinkess"],
      path: `sites[${recordIndex(GOOD, WOLIO, "opd-dinkes")}].tenant`,
      message: 'no tenant "dinkess"',
      suggestion: "dinkes",
    },
    {
      name: "an unknown kecamatan suggests the nearest one",
      edit: [WOLIO, "sdn-2-bataraguru", "kecamatan: wolio", "kecamatan: wollio"],
      at: [WOLIO, "kecamatan: wollio"],
      message: 'no kecamatan "wollio"',
      suggestion: "wolio",
      also: (p) => expect(p.allowed).toContain("lea-lea"),
    },
    {
      name: "a kelurahan of another kecamatan",
      edit: [WOLIO, "sdn-2-bataraguru", "kelurahan: bataraguru", "kelurahan: lipu"],
      at: [WOLIO, "kelurahan: lipu"],
      path: `sites[${sdn2}].kelurahan`,
      message: 'kelurahan "lipu" belongs to kecamatan "betoambari", not "wolio"',
    },
    {
      name: "coordinates outside the city, with a hint when the latitude lost its sign",
      edit: [WOLIO, "sdn-2-bataraguru", "{ lat: -5.489, lon: 122.6384 }", "{ lat: 5.489, lon: 122.6384 }"],
      at: [WOLIO, "location:", "sdn-2-bataraguru"],
      path: `sites[${sdn2}].location`,
      message:
        "(5.489, 122.6384) is outside the city's bounding box lat -5.54..-5.305, lon 122.55..122.775; latitudes south of the equator are negative",
    },
    {
      name: "a latitude beyond the poles",
      edit: [WOLIO, "sdn-2-bataraguru", "{ lat: -5.489, lon: 122.6384 }", "{ lat: 122.6384, lon: -5.489 }"],
      at: [WOLIO, "lat: 122.6384", "sdn-2-bataraguru"],
      path: `sites[${sdn2}].location.lat`,
      message: "must be <= 90, found 122.6384",
    },
    {
      name: "a pop reference to a site that is not a pop",
      edit: [WOLIO, "opd-dinkes", "pop: pop-wolio", "pop: kec-office-wolio"],
      at: [WOLIO, "pop: kec-office-wolio"],
      message: '"kec-office-wolio" is a kecamatan-office site, not a pop',
    },
    {
      name: "a school without a level",
      edit: [WOLIO, "sdn-2-bataraguru", "    level: SD\n", ""],
      at: [WOLIO, "id: sdn-2-bataraguru"],
      path: `sites[${sdn2}].level`,
      message: "is required for a school",
      also: (p) => expect(p.allowed).toEqual(["SD", "SMP", "SMA", "SMK", "SLB"]),
    },
    {
      name: "a level on a site that is not a school",
      edit: [WOLIO, "opd-dinkes", "    authority: city\n", "    level: SMA\n    authority: city\n"],
      at: [WOLIO, "level: SMA", "opd-dinkes"],
      message: 'only schools have a level; this site\'s category is "opd"',
    },
    {
      name: "a province school claimed by the city",
      edit: [WOLIO, "sman-1-baubau", "authority: province", "authority: city"],
      at: [WOLIO, "authority: city", "sman-1-baubau"],
      path: `sites[${recordIndex(GOOD, WOLIO, "sman-1-baubau")}].authority`,
      message: "an SMA is run by the province (or privately), not the city",
    },
    {
      name: "an operational site without an operational path to a core names its links",
      edit: [ACCESS, "pop-wolio--sdn-2-bataraguru", "status: operational", "status: planned"],
      at: [WOLIO, "status: operational", "sdn-2-bataraguru"],
      file: WOLIO,
      path: `sites[${sdn2}].connection.status`,
      message:
        "is operational, but no path of operational links through operational sites joins it to an operational core; its links: pop-wolio--sdn-2-bataraguru (planned)",
    },
    {
      name: "an operational link to a decommissioned site",
      edit: [WOLIO, "sdn-2-bataraguru", "status: operational", "status: decommissioned"],
      at: [ACCESS, "status: operational", "pop-wolio--sdn-2-bataraguru"],
      file: ACCESS,
      message: 'is operational, but its end b "sdn-2-bataraguru" is decommissioned',
    },
    {
      name: "a number written as text",
      edit: [ACCESS, "pop-wolio--sdn-2-bataraguru", "lengthKm: 3.32", 'lengthKm: "3,32"'],
      at: [ACCESS, "lengthKm:", "pop-wolio--sdn-2-bataraguru"],
      message: 'expected a number, found "3,32"',
    },
    {
      name: "a wavelength the optics do not have",
      edit: [ACCESS, "pop-wolio--sdn-2-bataraguru", "wavelengthNm: 1310", "wavelengthNm: 1300"],
      message: "1300 is not allowed",
      suggestion: "1310",
      also: (p) => expect(p.allowed).toEqual(["1310", "1490", "1550"]),
    },
    {
      name: "an impossible date",
      edit: [WOLIO, "sdn-2-bataraguru", "asOf: 2025-01-31", "asOf: 2025-13-31"],
      at: [WOLIO, "asOf: 2025-13-31"],
      path: `sites[${sdn2}].provenance.asOf`,
      message: '"2025-13-31": must be a date YYYY-MM-DD',
    },
    {
      name: "a site filed under the wrong kecamatan",
      edit: [
        WOLIO,
        "opd-dinkes",
        "kecamatan: wolio\n    kelurahan: bataraguru",
        "kecamatan: murhum\n    kelurahan: wajo",
      ],
      at: [WOLIO, "kecamatan: murhum"],
      message:
        'is "murhum" but this file holds the sites of kecamatan "wolio"; move the site to sites/murhum.yaml',
    },
    {
      name: "a link filed under the wrong tier",
      edit: [ACCESS, "pop-wolio--sdn-2-bataraguru", "tier: access", "tier: core"],
      at: [ACCESS, "tier: core"],
      message: 'is "core" but this file holds access links; move the link to links/core.yaml',
    },
    {
      name: "a second walidata",
      edit: [TENANTS, "dinkes", "kind: dinas\n", "kind: dinas\n    dataRole: walidata\n"],
      at: [TENANTS, "dataRole: walidata", "dinkes"],
      file: TENANTS,
      path: `tenants[${recordIndex(GOOD, TENANTS, "dinkes")}].dataRole`,
      message: /^"dinkes" is a second walidata/,
      allowed: ["produsen-data"],
      also: (p) =>
        expect(p.related?.path).toBe(`tenants[${recordIndex(GOOD, TENANTS, "balitbangda")}].dataRole`),
    },
  ];
  for (const c of ONE_EDIT) it(c.name, () => expectEdit(c));

  it("a duplicate site id names where it was first defined", () => {
    // opd-dinkes comes first in the file, so the original sdn-2-bataraguru is the repeat.
    const files = editRecord(GOOD, WOLIO, "opd-dinkes", "id: opd-dinkes", "id: sdn-2-bataraguru");
    const problems = problemsOf(files);
    const dup = problems.find((p) => p.message.startsWith("duplicate site id"));
    expect(dup).toMatchObject({
      file: WOLIO,
      ...positionOf(GOOD, WOLIO, "id: sdn-2-bataraguru"),
      path: `sites[${sdn2}].id`,
    });
    expect(dup?.related).toMatchObject({ file: WOLIO, ...positionOf(GOOD, WOLIO, "id: opd-dinkes") });
    expect(dup?.message).toBe('duplicate site id "sdn-2-bataraguru"; ids must be unique');
  });

  it("a link to an unknown site suggests the nearest id", () => {
    const files = editRecord(
      GOOD,
      ACCESS,
      "pop-wolio--sdn-2-bataraguru",
      "b: sdn-2-bataraguru",
      "b: sdn-2-bataragru",
    );
    const problems = problemsOf(files);
    expect(problems[0]).toMatchObject({
      file: ACCESS,
      ...positionOf(files, ACCESS, "b: sdn-2-bataragru"),
      path: `links[${recordIndex(GOOD, ACCESS, "pop-wolio--sdn-2-bataraguru")}].b`,
      message: 'no site "sdn-2-bataragru"',
      suggestion: "sdn-2-bataraguru",
    });
    // With its only link gone, the school is also stranded: the second problem says so.
    expect(problems[1]?.message).toMatch(/^is operational, but no path/);
  });

  it("a YAML syntax error, with its position", () => {
    const files = editRecord(
      GOOD,
      WOLIO,
      "sdn-2-bataraguru",
      "{ lat: -5.489, lon: 122.6384 }",
      "{ lat: -5.489, lon: 122.6384",
    );
    const problems = problemsOf(files);
    expect(problems.length).toBeGreaterThanOrEqual(1);
    expect(problems[0]).toMatchObject({ file: WOLIO, path: "" });
    expect(problems[0]?.message).toMatch(/^YAML syntax error/);
    const at = positionOf(files, WOLIO, "location:", "sdn-2-bataraguru").line;
    expect(problems[0]?.line).toBeGreaterThanOrEqual(at);
    expect(problems[0]?.line).toBeLessThanOrEqual(at + 1);
  });

  it("a duplicate YAML key is a syntax error, not a silent overwrite", () => {
    const files = editRecord(
      GOOD,
      WOLIO,
      "sdn-2-bataraguru",
      "    tenant: dikpora\n",
      "    tenant: dikpora\n    tenant: dinkes\n",
    );
    const problems = problemsOf(files);
    expect(problems[0]).toMatchObject({
      file: WOLIO,
      ...positionOf(files, WOLIO, "tenant: dinkes", "sdn-2-bataraguru"),
    });
    expect(problems[0]?.message).toMatch(/DUPLICATE_KEY/);
  });

  it("an id that is not a lowercase DNS label", () => {
    const files = editRecord(GOOD, WOLIO, "opd-dinkes", "id: opd-dinkes", "id: OPD_Dinkes");
    const problems = problemsOf(files);
    const bad = problems.find((p) => p.file === WOLIO);
    expect(bad).toMatchObject({
      path: `sites[${recordIndex(GOOD, WOLIO, "opd-dinkes")}].id`,
      ...positionOf(files, WOLIO, "id: OPD_Dinkes"),
    });
    expect(bad?.message).toMatch(/^"OPD_Dinkes": must be a lowercase id/);
    // The link that named the old id now dangles, and says so.
    expect(problems.find((p) => p.file === ACCESS)?.message).toBe('no site "opd-dinkes"');
  });

  it("a server in a rack that does not exist", () => {
    const files = editFile(
      GOOD,
      DC,
      "id: mgmt-worker-3\n      rack: rack-c01",
      "id: mgmt-worker-3\n      rack: rack-c02",
    );
    const p = expectOnly(files, {
      file: DC,
      ...positionOf(files, DC, "rack: rack-c02"),
      path: "datacenter.servers[11].rack",
      message: 'no rack "rack-c02"',
    });
    expect(p.suggestion).toMatch(/^rack-[abc]0[12]$/);
    expect(p.allowed).toEqual(["rack-a01", "rack-a02", "rack-b01", "rack-c01"]);
  });

  it("a missing file", () => {
    const files = { ...GOOD };
    delete files["inventory/datacenter.yaml"];
    const problems = problemsOf(files);
    expect(problems).toEqual([
      { file: "inventory/datacenter.yaml", line: 0, column: 0, path: "", message: "file is missing" },
    ]);
  });

  it("an unknown top-level key", () => {
    const files = editFile(GOOD, "inventory/targets.yaml", "targets:\n", "target:\n");
    const problems = problemsOf(files);
    expect(problems.map((p) => p.message)).toEqual([
      'unknown top-level key "target"',
      'missing the top-level key "targets"',
    ]);
    expect(problems[0]).toMatchObject({
      line: positionOf(files, "inventory/targets.yaml", "target:").line,
      allowed: ["targets"],
    });
  });

  it("an empty file", () => {
    const problems = problemsOf({ ...GOOD, "inventory/tenants.yaml": "# nothing yet\n" });
    expect(problems[0]).toMatchObject({
      file: "inventory/tenants.yaml",
      message: 'expected a mapping with the key "tenants", found null',
    });
  });
});

describe("several problems at once", () => {
  it("reports every problem in one run, sorted by file and line", () => {
    let files = editRecord(GOOD, WOLIO, "sdn-2-bataraguru", "status: operational", "status: operatonal");
    files = editRecord(files, WOLIO, "opd-dinkes", "tenant: dinkes", "tenant: dinkess");
    files = editFile(
      files,
      DC,
      'kubernetesVersion: "1.36.1" }\n  provenance',
      'kubernetesVersion: "1.36" }\n  provenance',
    );
    files = editRecord(
      files,
      ACCESS,
      "pop-wolio--sdn-2-bataraguru",
      "wavelengthNm: 1310",
      "wavelengthNm: 1300",
    );
    const problems = problemsOf(files);
    expect(problems.map((p) => `${p.file} ${p.path}`)).toEqual([
      `${DC} datacenter.clusters[1].kubernetesVersion`,
      `${ACCESS} links[${recordIndex(GOOD, ACCESS, "pop-wolio--sdn-2-bataraguru")}].wavelengthNm`,
      `${WOLIO} sites[${recordIndex(GOOD, WOLIO, "opd-dinkes")}].tenant`,
      `${WOLIO} sites[${sdn2}].connection.status`,
    ]);
  });

  it("does not cascade: a broken site's links are not also reported as dangling", () => {
    const files = editRecord(GOOD, WOLIO, "pop-wolio", "category: pop", "category: popp");
    const problems = problemsOf(files);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ message: '"popp" is not allowed', suggestion: "pop" });
  });

  it("never throws, whatever the text", () => {
    const garbage = [
      "",
      "- just\n- a list\n",
      "sites: 5\n",
      "sites:\n  - 42\n",
      "sites: [{]\n",
      "\t- tab\n",
      "sites:\n  - { id: x }\n",
    ];
    for (const g of garbage) {
      const result = parseInventory({ ...GOOD, "inventory/sites/wolio.yaml": g });
      expect(result.ok).toBe(false);
    }
  });
});

describe("files that are not where the loader looks", () => {
  it("points out a misspelt folder instead of silently skipping it", () => {
    const files = { ...GOOD };
    files["inventory/site/extra.yaml"] = "sites: []\n";
    const problems = problemsOf(files);
    expect(problems).toEqual([
      {
        file: "inventory/site/extra.yaml",
        line: 0,
        column: 0,
        path: "",
        message: "is not read: no inventory file has this name",
        suggestion: "sites/extra.yaml",
      },
    ]);
  });

  it("leaves files of other loaders alone", () => {
    expect(parseInventory({ ...GOOD, "inventory/services.yaml": "services: []\n" }).ok).toBe(true);
  });
});

describe("status consistency", () => {
  it("an operational connection without a medium", () => {
    const files = editRecord(GOOD, WOLIO, "sdn-2-bataraguru", "medium: fiber", "medium: none");
    expectOnly(files, {
      ...positionOf(files, WOLIO, "medium: none"),
      path: `sites[${sdn2}].connection.medium`,
      message: 'is "none" but the connection is operational; name the medium that carries it',
    });
  });
});

describe("YAML that parses but cannot become values", () => {
  it("an alias without its anchor is reported at the alias", () => {
    const files = editRecord(GOOD, WOLIO, "sdn-2-bataraguru", "tenant: dikpora", "tenant: *dikpora");
    const problems = problemsOf(files);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: WOLIO, ...positionOf(files, WOLIO, "*dikpora") });
    expect(problems[0]?.message).toMatch(/^YAML error: Unresolved alias/);
  });
});

describe("messages in the words of a YAML file", () => {
  const ACCESS_LINK = "pop-wolio--sdn-2-bataraguru";

  const ONE_EDIT: OneEdit[] = [
    {
      name: "a scalar where fields belong",
      edit: [
        WOLIO,
        "sdn-2-bataraguru",
        "connection:\n      status: operational\n      medium: fiber\n      access: gpon\n      pop: pop-wolio",
        "connection: operational",
      ],
      path: `sites[${sdn2}].connection`,
      message: 'expected a mapping (fields on the lines below, or { ... }), found "operational"',
    },
    {
      name: "a value left empty",
      edit: [WOLIO, "sdn-2-bataraguru", "name: SD Negeri 2 Bataraguru", "name:"],
      path: `sites[${sdn2}].name`,
      message: "is empty; expected text",
    },
    {
      name: "a fraction where a count belongs",
      edit: [ACCESS, ACCESS_LINK, "cores: 2", "cores: 2.5"],
      message: "expected a whole number, found 2.5",
    },
    {
      name: "a shortened id suggests the full one",
      edit: [ACCESS, ACCESS_LINK, "owner: diskominfo", "owner: kominfo"],
      message: 'no tenant "kominfo"',
      suggestion: "diskominfo",
    },
  ];
  for (const c of ONE_EDIT) it(c.name, () => expectEdit(c));
});

describe("file layouts", () => {
  it("accepts all links in one links.yaml and .yml extensions", () => {
    const good = parseInventory(GOOD);
    if (!good.ok) throw new Error("the real inventory must load");
    const files: Record<string, string> = { ...GOOD };
    const bodies: string[] = [];
    for (const tier of ["core", "distribution", "access"]) {
      const text = files[`inventory/links/${tier}.yaml`] ?? "";
      bodies.push(text.slice(text.indexOf("links:\n") + "links:\n".length));
      delete files[`inventory/links/${tier}.yaml`];
    }
    files["inventory/links.yaml"] = `links:\n${bodies.join("")}`;
    files["inventory/sites/bungi.yml"] = files["inventory/sites/bungi.yaml"] ?? "";
    delete files["inventory/sites/bungi.yaml"];
    const result = parseInventory(files);
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join("\n"));
    expect(result.inventory.links.map((l) => l.id).sort()).toEqual(
      good.inventory.links.map((l) => l.id).sort(),
    );
    expect(result.inventory.sites).toHaveLength(good.inventory.sites.length);
  });

  it("points out a misspelt top-level file", () => {
    const files: Record<string, string> = {
      ...GOOD,
      "inventory/tenant.yaml": GOOD["inventory/tenants.yaml"] ?? "",
    };
    delete files["inventory/tenants.yaml"];
    const problems = problemsOf(files);
    expect(problems.map((p) => [p.file, p.message, p.suggestion])).toEqual([
      ["inventory/tenant.yaml", "is not read: no inventory file has this name", "tenants.yaml"],
      ["inventory/tenants.yaml", "file is missing", undefined],
    ]);
  });
});

describe("duplicate link ids", () => {
  it("name where the first one is", () => {
    const files = editRecord(
      GOOD,
      ACCESS,
      "pop-wolio--sdn-2-bataraguru",
      "id: pop-wolio--sdn-2-bataraguru",
      "id: pop-wolio--opd-dinkes",
    );
    const dup = problemsOf(files).find((p) => p.message.startsWith("duplicate link id"));
    expect(dup).toMatchObject({
      file: ACCESS,
      path: `links[${recordIndex(GOOD, ACCESS, "pop-wolio--sdn-2-bataraguru")}].id`,
      message: 'duplicate link id "pop-wolio--opd-dinkes"; ids must be unique',
    });
    expect(dup?.related?.path).toBe(`links[${recordIndex(GOOD, ACCESS, "pop-wolio--opd-dinkes")}].id`);
  });
});

describe("YAML beyond the plain subset", () => {
  it("a tag the inventory does not use is a problem, not a console warning", () => {
    const files = editRecord(
      GOOD,
      WOLIO,
      "sdn-2-bataraguru",
      "illustrative: true",
      "illustrative: !yes true",
    );
    const problems = problemsOf(files);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: WOLIO, line: positionOf(files, WOLIO, "!yes").line });
    expect(problems[0]?.message).toBe("YAML warning (TAG_RESOLVE_FAILED): Unresolved tag: !yes");
  });

  it("a second document in one file", () => {
    const files = {
      ...GOOD,
      "inventory/targets.yaml": `${GOOD["inventory/targets.yaml"]}---\ntargets: []\n`,
    };
    const problems = problemsOf(files);
    expect(problems).toEqual([
      {
        file: "inventory/targets.yaml",
        ...positionOf(files, "inventory/targets.yaml", "---"),
        path: "",
        message: "a second YAML document; an inventory file holds one",
      },
    ]);
  });

  it("anchors and aliases still load, through the general parser", () => {
    const text = GOOD["inventory/targets.yaml"] ?? "";
    const withAlias = text
      .replace("categories: [opd, school, puskesmas]", "categories: &phase1 [opd, school, puskesmas]")
      .replace(/categories: \[opd, school, puskesmas\]/, "categories: *phase1");
    const result = parseInventory({ ...GOOD, "inventory/targets.yaml": withAlias });
    expect(result.ok).toBe(true);
  });
});

// Bad input as a careless user and a hostile file would give it: each class ends in precise
// problems, never a stack trace, a silent skip or a misleading first line.
describe("hostile and careless input", () => {
  const ACCESS_LINK = "pop-wolio--sdn-2-bataraguru";
  const accessLink = recordIndex(GOOD, ACCESS, ACCESS_LINK);

  const ONE_EDIT: OneEdit[] = [
    {
      name: "a link far longer than any route on Earth",
      edit: [ACCESS, ACCESS_LINK, "lengthKm: 3.32", "lengthKm: 1000000000"],
      at: [ACCESS, "lengthKm:", ACCESS_LINK],
      file: ACCESS,
      path: `links[${accessLink}].lengthKm`,
      message: "must be <= 1000000, found 1000000000",
    },
    {
      name: "a name of spaces only",
      edit: [WOLIO, "sdn-2-bataraguru", "name: SD Negeri 2 Bataraguru", 'name: " "'],
      at: [WOLIO, 'name: " "'],
      path: `sites[${sdn2}].name`,
      message: '" ": must contain more than spaces, and no control characters (NUL, tab, escape, ...)',
    },
    {
      name: "a NUL byte in a name",
      edit: [WOLIO, "sdn-2-bataraguru", "name: SD Negeri 2 Bataraguru", 'name: "SD Negeri 2\\0 Bataraguru"'],
      path: `sites[${sdn2}].name`,
      message:
        '"SD Negeri 2\\u0000 Bataraguru": must contain more than spaces, and no control characters (NUL, tab, escape, ...)',
    },
    {
      name: "an operational link to a site still being built is refused, naming the site's file too",
      edit: [WOLIO, "sdn-2-bataraguru", "status: operational", "status: underConstruction"],
      at: [ACCESS, "status: operational", ACCESS_LINK],
      file: ACCESS,
      path: `links[${accessLink}].status`,
      message: 'is operational, but its end b "sdn-2-bataraguru" is underConstruction',
      also: (p, files) =>
        expect(p.related).toEqual({
          file: WOLIO,
          ...positionOf(files, WOLIO, "status: underConstruction", "sdn-2-bataraguru"),
          path: `sites[${sdn2}].connection.status`,
        }),
    },
    {
      name: "a kelurahan of another kecamatan names where city.yaml puts it",
      edit: [WOLIO, "sdn-2-bataraguru", "kelurahan: bataraguru", "kelurahan: lipu"],
      path: `sites[${sdn2}].kelurahan`,
      message: /^kelurahan "lipu" belongs/,
      also: (p, files) =>
        expect(p.related).toMatchObject({
          file: "inventory/city.yaml",
          ...positionOf(files, "inventory/city.yaml", "id: lipu"),
        }),
    },
    {
      name: "a stranded site names the link file whose status broke its path",
      edit: [ACCESS, ACCESS_LINK, "status: operational", "status: planned"],
      file: WOLIO,
      path: `sites[${sdn2}].connection.status`,
      message: /^is operational, but no path/,
      also: (p, files) =>
        expect(p.related).toEqual({
          file: ACCESS,
          ...positionOf(files, ACCESS, "status: planned", ACCESS_LINK),
          path: `links[${accessLink}].status`,
        }),
    },
  ];
  for (const c of ONE_EDIT) it(c.name, () => expectEdit(c));

  it("collections nested deeper than the reader can go: one positioned problem, no stack trace", () => {
    const deep = `targets: ${"[".repeat(5000)}${"]".repeat(5000)}\n`;
    const problems = problemsOf({ ...GOOD, "inventory/targets.yaml": deep });
    expect(problems, JSON.stringify(problems)).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: "inventory/targets.yaml", line: 1, path: "" });
    expect(problems[0]?.message).toBe(
      "YAML syntax error (RESOURCE_EXHAUSTION): collections nested too deeply to read here; inventory values nest a few levels at most",
    );
    expect(problems[0]?.column).toBeGreaterThan(9);
  });

  it("very many problems: every one reported, each at its own record, in file order", () => {
    const n = 600;
    let text = "sites:\n";
    for (let i = 0; i < n; i++) {
      text += `  - { id: extra-${i}, name: x, category: schol, authority: city, kecamatan: wolio, location: { lat: -5.47, lon: 122.64 }, connection: { status: planned, medium: fiber }, provenance: { source: s, illustrative: true, asOf: 2025-01-01 } }\n`;
    }
    const problems = problemsOf({ ...GOOD, "inventory/sites/extra.yaml": text });
    expect(problems).toHaveLength(n);
    problems.forEach((p, i) => {
      expect(p).toMatchObject({ line: i + 2, path: `sites[${i}].category`, suggestion: "school" });
    });
  });

  it("a duplicated site file: the duplicate ids lead, not the paths they make ambiguous", () => {
    const copy = GOOD[WOLIO] ?? "";
    const files = { ...GOOD, "inventory/sites/wolio-copy.yaml": copy };
    const problems = problemsOf(files);
    const count = (copy.match(/\n {2}- id: /g) ?? []).length;
    expect(problems).toHaveLength(count);
    for (const p of problems) {
      expect(p.message).toMatch(/^duplicate site id "[a-z0-9-]+"; ids must be unique$/);
      expect(p.related?.file).toBe("inventory/sites/wolio-copy.yaml");
    }
  });

  it("a duplicate id leads even when other problems sort before it", () => {
    let files = editRecord(GOOD, WOLIO, "opd-dinkes", "id: opd-dinkes", "id: sdn-2-bataraguru");
    files = editRecord(
      files,
      "inventory/sites/betoambari.yaml",
      "pop-betoambari",
      "name:",
      "name: \n    x-typo: 1\n    nam:",
    );
    const problems = problemsOf(files);
    expect(problems[0]?.message).toBe('duplicate site id "sdn-2-bataraguru"; ids must be unique');
    expect(problems.slice(1).some((p) => p.file === "inventory/sites/betoambari.yaml")).toBe(true);
  });

  it("a data center file the coverage report does not use cannot stop it", () => {
    const broken = { ...GOOD, [DC]: "datacenter: [not, a, data, center]\n" };
    const missing: Record<string, string> = { ...GOOD };
    delete missing[DC];
    for (const files of [broken, missing]) {
      const network = parseNetworkInventory(files);
      expect(network.ok).toBe(true);
      if (network.ok) expect(network.inventory.sites).toHaveLength(parseSites());
      // The stacks need it: there it is still a problem.
      expect(problemsOf(files)[0]?.file).toBe(DC);
    }
  });
});

describe("on disk: nothing skipped without a word", () => {
  let dir = "";
  const writeBroken = async (files: Record<string, string | Buffer>) => {
    dir = await writeInventory(files, "baubau-broken-");
  };
  const loadProblems = async () => {
    const result = await loadInventory(dir);
    if (result.ok) throw new Error("expected problems, the inventory loaded");
    return result.problems;
  };
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("a symbolic link is named, not followed or skipped", async () => {
    await writeBroken(GOOD);
    await writeFile(join(dir, "bungi-original.yaml"), "sites: []\n");
    await symlink(join(dir, "bungi-original.yaml"), join(dir, "sites", "bungi-copy.yaml"));
    const problems = await loadProblems();
    expect(problems).toEqual([
      {
        file: join(dir, "sites/bungi-copy.yaml"),
        line: 0,
        column: 0,
        path: "",
        message: "is not read: it is a symbolic link; inventory files must be regular files in the inventory",
      },
    ]);
  });

  it("a file of another kind in sites/ is named", async () => {
    await writeBroken({ ...GOOD, "inventory/sites/wolio.yaml.bak": GOOD[WOLIO] ?? "" });
    const problems = await loadProblems();
    expect(problems.map((p) => [p.file, p.message])).toEqual([
      [
        join(dir, "sites/wolio.yaml.bak"),
        "is not read: sites/ and links/ hold inventory files (.yaml, .yml, .json, .geojson, .ndjson) only",
      ],
    ]);
  });

  it("bytes that are not UTF-8 in an NDJSON file: its line and column, past the first chunk read", async () => {
    const good = parseInventory(GOOD);
    if (!good.ok) throw new Error("the real inventory must load");
    const original = good.inventory.sites.find((s) => s.id === "sdn-2-bataraguru");
    if (!original) throw new Error("no sdn-2-bataraguru");
    const annex = {
      ...original,
      id: "sdn-2-bataraguru-annex",
      name: "SD Negeri 2 Bataraguru Annex",
      connection: { ...original.connection, status: "planned" }, // a new site: no link yet
    };
    const record = JSON.stringify({ site: annex });
    const at = record.indexOf("SD Negeri 2 Bataraguru Annex") + 3;
    // 1.5 MB of blank lines first: the stream reads 1 MiB at a time, so the line count must carry over.
    const blank = 1_500_000;
    const bytes = Buffer.concat([
      Buffer.from("\n".repeat(blank)),
      Buffer.from(record.slice(0, at)),
      Buffer.from([0xe9]), // "é" in Latin-1, not UTF-8
      Buffer.from(`${record.slice(at)}\n`),
    ]);
    await writeBroken({ ...GOOD, "inventory/sites/annex.ndjson": bytes });
    expect(await loadProblems()).toEqual([
      {
        file: join(dir, "sites/annex.ndjson"),
        line: blank + 1,
        column: at + 1,
        path: "",
        message: "holds bytes that are not UTF-8 (save the file as UTF-8)",
      },
    ]);
  });

  it("bytes that are not UTF-8 are reported where they are, and the rest is still checked", async () => {
    const text = GOOD[WOLIO] ?? "";
    const at = text.indexOf("SD Negeri 2 Bataraguru");
    const bytes = Buffer.concat([
      Buffer.from(text.slice(0, at + 3)),
      Buffer.from([0xe9]), // "é" in Latin-1, not UTF-8
      Buffer.from(text.slice(at + 3)),
    ]);
    await writeBroken({ ...GOOD, [WOLIO]: bytes });
    const problems = await loadProblems();
    const { line, column } = positionOf(GOOD, WOLIO, "SD Negeri 2 Bataraguru");
    expect(problems).toEqual([
      {
        file: join(dir, "sites/wolio.yaml"),
        line,
        column: column + 3,
        path: "",
        message: "holds bytes that are not UTF-8 (save the file as UTF-8)",
      },
    ]);
  });
});
