import { describe, expect, it } from "vitest";
import { type LinkFeature, type SiteFeature, toGeoJson } from "../../../reports/geojson.ts";
import { fixtureView } from "./fixture.ts";

describe("GeoJSON export", () => {
  const view = fixtureView();
  const fc = JSON.parse(JSON.stringify(toGeoJson(view))) as ReturnType<typeof toGeoJson>;
  const sites = fc.features.filter((f): f is SiteFeature => f.geometry.type === "Point");
  const links = fc.features.filter((f): f is LinkFeature => f.geometry.type === "LineString");

  it("is a FeatureCollection with one Point per site and one LineString per link", () => {
    expect(fc.type).toBe("FeatureCollection");
    expect(sites).toHaveLength(view.sites.length);
    expect(links).toHaveLength(view.links.length);
    for (const f of fc.features) expect(f.type).toBe("Feature");
  });

  it("writes positions as [lon, lat] (RFC 7946), not [lat, lon]", () => {
    const school = sites.find((f) => f.properties.id === "sdn-1-kartini");
    expect(school?.geometry.coordinates).toEqual([122.6391, -5.4712]);
    for (const f of sites) {
      const [lon, lat] = f.geometry.coordinates;
      expect(lon).toBeGreaterThan(122);
      expect(lat).toBeLessThan(0);
    }
  });

  it("draws each link from its a-end to its b-end", () => {
    const core = links.find((f) => f.properties.id === "core-palagimata--pop-wolio");
    expect(core?.geometry.coordinates).toEqual([
      [122.58, -5.49],
      [122.641, -5.474],
    ]);
  });

  it("carries the site and link properties QGIS styles on", () => {
    const school = sites.find((f) => f.properties.id === "sdn-1-kartini");
    expect(school?.properties).toMatchObject({
      category: "school",
      status: "operational",
      covered: true,
      kecamatan: "Wolio",
    });
    const planned = links.find((f) => f.properties.id === "pop-wolio--sma-1-baubau");
    expect(planned?.properties).toMatchObject({ tier: "access", status: "planned", lengthKm: 1.5 });
    expect(typeof planned?.properties.margin).toBe("number");
  });

  it("has a bbox [west, south, east, north] that contains every site", () => {
    const [w, s, e, n] = fc.bbox;
    for (const f of sites) {
      const [lon, lat] = f.geometry.coordinates;
      expect(lon >= w && lon <= e && lat >= s && lat <= n).toBe(true);
    }
  });
});
