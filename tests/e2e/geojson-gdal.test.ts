// "GeoJSON opens in QGIS": QGIS reads GeoJSON through GDAL's OGR GeoJSON driver, so the export is
// opened here with GDAL's own ogrinfo (Debian gdal-bin, installed by scripts/setup) and checked for
// what a network engineer sees when the layer loads: the driver accepts it, WGS 84, every site and
// link as a feature of the right geometry, inside Baubau, with typed attributes to style on.
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";

const run = promisify(execFile);
const root = resolve(import.meta.dirname, "../..");
const work = mkdtempSync(join(tmpdir(), "geojson-gdal-"));
const file = join(work, "baubau.geojson");

const ogrinfo = async (...args: string[]): Promise<string> =>
  (await run("ogrinfo", ["-ro", ...args], { maxBuffer: 16 << 20 })).stdout;

/** The count of features of one OGR geometry type, through OGR SQL as QGIS's filter would ask. */
async function countOf(geometry: string): Promise<number> {
  const out = await ogrinfo(
    "-q",
    file,
    "-sql",
    `SELECT COUNT(*) FROM baubau WHERE OGR_GEOMETRY = '${geometry}'`,
  );
  const m = /COUNT_\* \(Integer\) = (\d+)/.exec(out);
  if (!m) throw new Error(`no count in ogrinfo output:\n${out}`);
  return Number(m[1]);
}

let summary = "";
let exported: { features: { geometry: { type: string } }[] };

beforeAll(async () => {
  await run(
    process.execPath,
    ["--import", "tsx", join(root, "scripts/coverage.ts"), "--format", "geojson", "--out", file],
    { cwd: root },
  );
  exported = JSON.parse(readFileSync(file, "utf8"));
  summary = await ogrinfo("-so", "-al", file);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("GeoJSON export read by GDAL (what QGIS opens it with)", () => {
  it("opens with the GeoJSON driver as one layer in WGS 84 (EPSG:4326)", () => {
    expect(summary).toContain("using driver `GeoJSON' successful");
    expect(summary).toMatch(/^Layer name: baubau$/m);
    expect(summary).toMatch(/ID\["EPSG",4326\]\]/);
  });

  it("has every site as a point and every link as a line", async () => {
    const sites = readInventoryCount("sites");
    const links = readInventoryCount("links");
    expect(sites).toBeGreaterThan(200);
    expect(summary).toMatch(new RegExp(`^Feature Count: ${sites + links}$`, "m"));
    expect(await countOf("POINT")).toBe(sites);
    expect(await countOf("LINESTRING")).toBe(links);
    expect(exported.features).toHaveLength(sites + links);
  });

  it("lies inside the city's bounding box, longitude first", () => {
    const city = parse(readFileSync(join(root, "inventory/city.yaml"), "utf8")).city;
    const { minLat, maxLat, minLon, maxLon } = city.bbox;
    const m = /^Extent: \(([-\d.]+), ([-\d.]+)\) - \(([-\d.]+), ([-\d.]+)\)$/m.exec(summary);
    expect(m).not.toBeNull();
    const [x0, y0, x1, y1] = (m as RegExpExecArray).slice(1).map(Number) as [number, number, number, number];
    expect(x0).toBeGreaterThanOrEqual(minLon);
    expect(x1).toBeLessThanOrEqual(maxLon);
    expect(y0).toBeGreaterThanOrEqual(minLat);
    expect(y1).toBeLessThanOrEqual(maxLat);
  });

  it("gives the attributes QGIS styles on their types", () => {
    expect(summary).toMatch(/^status: String/m);
    expect(summary).toMatch(/^category: String/m);
    expect(summary).toMatch(/^tier: String/m);
    expect(summary).toMatch(/^covered: Integer\(Boolean\)/m);
    expect(summary).toMatch(/^lengthKm: Real/m);
  });
});

/** Records in inventory/<dir>/*.yaml, counted from the YAML itself rather than from the export. */
function readInventoryCount(kind: "sites" | "links"): number {
  const dir = join(root, "inventory", kind);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .reduce((n, f) => n + (parse(readFileSync(join(dir, f), "utf8"))[kind]?.length ?? 0), 0);
}
