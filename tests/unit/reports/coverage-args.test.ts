import { describe, expect, it } from "vitest";
import { parseCoverageArgs, USAGE } from "../../../scripts/coverage-args.ts";

describe("scripts/coverage arguments", () => {
  it("defaults to the terminal table on standard output", () => {
    expect(parseCoverageArgs([])).toEqual({
      inventory: undefined,
      output: { kind: "report", format: "table" },
      out: undefined,
      help: false,
    });
  });

  it("takes a report format, an export kind, an inventory and an output file", () => {
    expect(parseCoverageArgs(["--format", "geojson", "--out", "x.geojson"]).output).toEqual({
      kind: "report",
      format: "geojson",
    });
    expect(parseCoverageArgs(["--export", "ofds", "--inventory", "inv"])).toMatchObject({
      inventory: "inv",
      output: { kind: "export", format: "ofds" },
    });
  });

  it("rejects unknown formats with the allowed list, and --format with --export", () => {
    expect(() => parseCoverageArgs(["--format", "pdf"])).toThrow(
      '--format "pdf" is not one of: table, md, json, geojson, html',
    );
    expect(() => parseCoverageArgs(["--export", "kml"])).toThrow("netbox-csv, ofds");
    expect(() => parseCoverageArgs(["--format", "md", "--export", "ofds"])).toThrow("alternatives");
    expect(() => parseCoverageArgs(["--colour"])).toThrow();
  });

  it("documents every format and export in --help", () => {
    for (const word of [
      "table",
      "md",
      "json",
      "geojson",
      "html",
      "netbox-csv",
      "ofds",
      "--inventory",
      "--out",
    ]) {
      expect(USAGE).toContain(word);
    }
  });
});
