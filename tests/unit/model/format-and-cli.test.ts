// What people see: the compiler-style line, the validate script's exit code, the disk loader's paths.
import { execFile } from "node:child_process";
import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatProblems, loadInventory, parseInventory } from "../../../model/load/index.ts";
import { recordCrdSchema, recordJsonSchema } from "../../../model/schema/json-schema.ts";
import { editRecord, positionOf, realFiles, recordIndex, writeInventory } from "./inventory-fixture.ts";

const run = promisify(execFile);
const REPO = new URL("../../../", import.meta.url).pathname;
const WOLIO = "inventory/sites/wolio.yaml";

describe("formatProblems", () => {
  it("prints file:line:column, the field path, the allowed values and the nearest one", () => {
    const files = editRecord(
      realFiles(),
      WOLIO,
      "sdn-2-bataraguru",
      "status: operational",
      "status: operatonal",
    );
    const result = parseInventory(files);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const { line } = positionOf(files, WOLIO, "status: operatonal");
    const i = recordIndex(files, WOLIO, "sdn-2-bataraguru");
    expect(formatProblems(result.problems)).toBe(
      `${WOLIO}:${line}:7 sites[${i}].connection.status: "operatonal" is not allowed; allowed: proposed, planned, underConstruction, operational, inactive, decommissioned; did you mean "operational"?`,
    );
  });

  it("names the other place a duplicate lives", () => {
    const files = editRecord(realFiles(), WOLIO, "opd-dinkes", "id: opd-dinkes", "id: sdn-2-bataraguru");
    const result = parseInventory(files);
    if (result.ok) throw new Error("expected problems");
    const first = positionOf(files, WOLIO, "id: sdn-2-bataraguru");
    const text = formatProblems(result.problems.filter((p) => p.message.startsWith("duplicate")));
    expect(text).toMatch(new RegExp(`\\(see ${WOLIO}:${first.line}:5 sites\\[\\d+\\]\\.id\\)$`));
  });
});

describe("reading JSON", () => {
  it("accepts a file written as JSON (JSON is YAML) and still positions its problems", () => {
    const files = realFiles();
    const json = JSON.stringify({ targets: [{ id: "x", measure: "fiber-coverage" }] }, null, 2);
    const result = parseInventory({ ...files, "inventory/targets.yaml": json });
    if (result.ok) throw new Error("expected problems");
    const first = result.problems[0];
    expect(first).toMatchObject({
      file: "inventory/targets.yaml",
      line: 3,
      column: 5,
      path: "targets[0].categories",
    });
  });
});

describe("loadInventory and scripts/validate.ts on disk", () => {
  let dir = "";
  beforeAll(async () => {
    const files = editRecord(realFiles(), WOLIO, "opd-dinkes", "tenant: dinkes", "tenant: dinkess");
    dir = await writeInventory(files, "baubau-inv-");
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("shows paths under the directory it was given", async () => {
    const result = await loadInventory(dir);
    if (result.ok) throw new Error("expected problems");
    expect(result.problems.map((p) => p.file)).toEqual([join(dir, "sites/wolio.yaml")]);
  });

  it("reports a directory that does not exist instead of throwing", async () => {
    const result = await loadInventory(join(dir, "nope"));
    expect(result.ok).toBe(false);
  });

  it("exits 1 with the problems, and 0 with counts on the real inventory", async () => {
    const tsx = join(REPO, "node_modules/.bin/tsx");
    const bad = await run(tsx, ["scripts/validate.ts", dir], { cwd: REPO }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect("code" in bad ? bad.code : 0).toBe(1);
    expect("stderr" in bad ? bad.stderr : "").toMatch(
      /sites\/wolio\.yaml:\d+:5 sites\[\d+\]\.tenant: no tenant "dinkess"; did you mean "dinkes"\?/,
    );
    const good = await run(tsx, ["scripts/validate.ts", "inventory"], { cwd: REPO });
    expect(good.stdout).toMatch(/^OK inventory/);
    expect(good.stdout).toMatch(/sites\s+248/);
  }, 60_000);
});

describe("JSON Schema for CRDs", () => {
  it("describes a site with its required fields and status words", () => {
    const schema = recordJsonSchema("site") as {
      required: string[];
      properties: { connection: { properties: { status: { enum: string[] } } } };
    };
    expect(schema.required).toEqual(
      expect.arrayContaining(["id", "category", "location", "connection", "provenance"]),
    );
    expect(schema.properties.connection.properties.status.enum).toContain("underConstruction");
  });

  it("is OpenAPI 3.0 by default, as CRDs need: no $schema, ids as patterns", () => {
    const schema = recordJsonSchema("site") as { $schema?: string; properties: { id: { pattern: string } } };
    expect(schema.$schema).toBeUndefined();
    expect(schema.properties.id.pattern).toBe("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
    expect(recordJsonSchema("site", "draft-2020-12").$schema).toMatch(/2020-12/);
  });

  it("has a CRD form without additionalProperties beside properties (Kubernetes forbids the pair)", () => {
    const crd = recordCrdSchema("site");
    expect(JSON.stringify(crd)).not.toContain("additionalProperties");
    // Nor combinators, whose branches may not carry a type in a structural schema.
    for (const kind of ["site", "link"] as const) {
      expect(JSON.stringify(recordCrdSchema(kind))).not.toMatch(/"(allOf|anyOf|oneOf)"/);
    }
    expect(crd).toMatchObject({ type: "object", required: expect.arrayContaining(["id", "connection"]) });
  });
});

describe("loadInventory and the disk", () => {
  it("reports a folder named like a YAML file instead of throwing", async () => {
    const dir = await writeInventory(realFiles(), "baubau-inv-");
    try {
      await mkdir(join(dir, "sites", "archive.yaml"));
      const result = await loadInventory(dir);
      expect(result.ok).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
