// Command-line contract of scripts/coverage, kept apart from the entry point so it can be tested.
import { EXPORT_FORMATS, type ExportFormat, REPORT_FORMATS, type ReportFormat } from "../reports/render.ts";
import { parseOptions } from "./lib/options.ts";

export const USAGE = `Usage: scripts/coverage [--inventory PATH] [--format FORMAT | --export KIND] [--out FILE]

Fiber coverage of the inventory against the roadmap targets.

  --inventory PATH  inventory directory (default: inventory/ of this repository), or one network
                    file with city.yaml, tenants.yaml, targets.yaml beside it (see docs/formats.md):
                      .json     OFDS 0.3 network package (ours, or another publisher's alone)
                      .geojson  GeoJSON FeatureCollection: Point sites, LineString links
                      .ndjson   one {"site": ...} or {"link": ...} record a line
  --format FORMAT   report format: ${REPORT_FORMATS.join(", ")} (default: table)
                      table    plain-text tables for a terminal
                      md       Markdown (PR comments, docs)
                      json     the full report view, machine-readable
                      geojson  sites (Points) and links (LineStrings), [lon, lat], opens in QGIS
                      html     one self-contained page: SVG map, charts, tables; no network needed
  --export KIND     export the inventory for another system instead of a report:
                      netbox-csv  NetBox site bulk import (Organization > Sites > Import);
                                  create one region per kecamatan and the tenants first
                      ofds        Open Fibre Data Standard 0.3 network package (JSON), validated
                                  against the official schema before it is written
  --out FILE        write to FILE (directories are created) instead of standard output; the file
                    is replaced whole or not at all
  -h, --help        show this help

Exit status: 0 on success; 1 when the inventory has problems (each printed as file:line:column)
or --out cannot be written; 2 when the arguments are wrong.`;

export type Output = { kind: "report"; format: ReportFormat } | { kind: "export"; format: ExportFormat };

export interface CoverageArgs {
  inventory: string | undefined;
  output: Output;
  out: string | undefined;
  help: boolean;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new Error(`${flag} "${value}" is not one of: ${allowed.join(", ")}`);
}

/** Throws an Error with a one-line message for the user on bad arguments. */
export function parseCoverageArgs(argv: string[]): CoverageArgs {
  const values = parseOptions(argv, {
    inventory: "string",
    format: "string",
    export: "string",
    out: "string",
  });
  if (values.format !== undefined && values.export !== undefined) {
    throw new Error("--format and --export are alternatives: give one of them");
  }
  const output: Output =
    values.export !== undefined
      ? { kind: "export", format: oneOf(values.export, EXPORT_FORMATS, "--export") }
      : { kind: "report", format: oneOf(values.format ?? "table", REPORT_FORMATS, "--format") };
  return { inventory: values.inventory, output, out: values.out, help: values.help ?? false };
}
