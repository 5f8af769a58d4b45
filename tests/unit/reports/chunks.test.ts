import { describe, expect, it } from "vitest";
import { batched, joinChunks, jsonLinesArray } from "../../../reports/chunks.ts";
import { geoJsonChunks, renderGeoJson, toGeoJson } from "../../../reports/geojson.ts";
import { renderJson } from "../../../reports/json.ts";
import { fixtureView } from "./fixture.ts";

describe("chunked output", () => {
  const view = fixtureView();

  it("GeoJSON text is the same collection as the object, one feature per line", () => {
    const text = renderGeoJson(view);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(toGeoJson(view))));
    const featureLines = text.split("\n").filter((l) => l.startsWith('  {"type":"Feature"'));
    expect(featureLines).toHaveLength(view.sites.length + view.links.length);
  });

  it("JSON report round-trips to the view, records included", () => {
    expect(JSON.parse(renderJson(view))).toEqual(JSON.parse(JSON.stringify(view)));
  });

  it("stays valid JSON with no sites or links", () => {
    const empty = { ...view, sites: [], links: [] };
    expect(JSON.parse(renderJson(empty)).sites).toEqual([]);
    expect(JSON.parse(renderGeoJson(empty)).features).toEqual([]);
  });

  it("yields many small pieces that batch into few large writes without losing a character", () => {
    const pieces = [...geoJsonChunks(view)];
    expect(pieces.length).toBeGreaterThan(view.sites.length);
    const batches = [...batched(pieces, 4096)];
    expect(batches.length).toBeLessThan(pieces.length);
    expect(batches.join("")).toBe(joinChunks(pieces));
    for (const b of batches.slice(0, -1)) expect(b.length).toBeGreaterThanOrEqual(4096);
  });

  it("writes a JSON array one item per line", () => {
    expect(joinChunks(jsonLinesArray([1, { a: "b" }], "  ", (x) => x))).toBe('[\n  1,\n  {"a":"b"}\n]');
    expect(joinChunks(jsonLinesArray([], "  ", (x) => x))).toBe("[]");
  });
});
