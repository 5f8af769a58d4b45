// Reads a GeoJSON FeatureCollection (RFC 7946), the form QGIS users hand over: a Point feature is a
// site, a LineString feature a link. A feature's properties are the record's fields as in YAML
// (connection and provenance as nested objects); a site's location is its Point, [longitude, latitude].
// A link's line is drawn from its ends' sites, so its geometry is only checked for its type.
import type { PathSegment } from "../problem.ts";
import { byPath, openJsonDocument } from "./json-document.ts";
import {
  describeJson,
  geometryPath,
  isPlainObject,
  type NetworkReadResult,
  type Placed,
  pointLocation,
} from "./network-read.ts";

const KINDS = ["Point", "LineString"];

/** The site's fields with the location where YAML has it (before connection), for the same records. */
function withLocation(props: Record<string, unknown>, location: unknown): Record<string, unknown> {
  const site: Record<string, unknown> = {};
  let placed = false;
  for (const key of Object.keys(props)) {
    if (!placed && (key === "connection" || key === "provenance")) {
      site.location = location;
      placed = true;
    }
    site[key] = props[key];
  }
  if (!placed) site.location = location;
  return site;
}

export function readGeoJson(file: string, text: string): NetworkReadResult {
  const doc = openJsonDocument(file, text);
  if (!doc.ok) return doc;
  const { root, fileProblems, at, recordProblems, shadows, record } = doc;
  if (!isPlainObject(root) || root.type !== "FeatureCollection" || !Array.isArray(root.features)) {
    const found = isPlainObject(root) ? `type ${describeJson(root.type)}` : describeJson(root);
    at([], `expected a GeoJSON FeatureCollection with a "features" list, found ${found}`);
    return { ok: false, problems: fileProblems };
  }
  const features = root.features as unknown[];
  const sites: unknown[] = [];
  const links: unknown[] = [];
  const siteFeature: number[] = [];
  const linkFeature: number[] = [];

  let partial = false;
  for (let f = 0; f < features.length; f++) {
    const feature: unknown = features[f];
    if (!isPlainObject(feature) || feature.type !== "Feature") {
      partial = true;
      at(
        ["features", f],
        `expected a GeoJSON Feature, found ${isPlainObject(feature) ? `type ${describeJson(feature.type)}` : describeJson(feature)}`,
      );
      continue;
    }
    const geometry = feature.geometry;
    const kind = isPlainObject(geometry) ? geometry.type : undefined;
    if (kind !== "Point" && kind !== "LineString") {
      partial = true;
      if (isPlainObject(geometry))
        at(
          ["features", f, "geometry", "type"],
          `${describeJson(kind)} is not allowed: a Point is a site, a LineString a link`,
          KINDS,
        );
      else
        at(
          ["features", f, "geometry"],
          `is required: a Point (a site) or a LineString (a link), found ${describeJson(geometry)}`,
        );
      continue;
    }
    const props = feature.properties;
    const list = kind === "Point" ? "sites" : "links";
    const k = kind === "Point" ? sites.length : links.length;
    if (!isPlainObject(props)) {
      record(
        [list, k],
        `properties: expected an object with the ${kind === "Point" ? "site" : "link"}'s fields, found ${describeJson(props)}`,
      );
    }
    const fields = isPlainObject(props) ? props : {};
    // The feature's own id stands in for a missing properties.id (GeoJSON's place for an identifier).
    const own = fields.id === undefined && typeof feature.id === "string" ? { id: feature.id } : {};
    if (kind === "Point") {
      const location = pointLocation(geometry);
      if (typeof location === "string") record(["sites", k, "location"], location);
      if ("location" in fields)
        at(
          ["features", f, "properties", "location"],
          "is the feature's geometry; give the site's position there, not here",
        );
      const { location: _geometryWins, ...rest } = fields;
      sites.push(withLocation({ ...own, ...rest }, typeof location === "string" ? undefined : location));
      siteFeature.push(f);
    } else {
      const coords = (geometry as Record<string, unknown>).coordinates;
      if (!Array.isArray(coords) || coords.length < 2)
        at(["features", f, "geometry", "coordinates"], "a LineString needs at least two positions");
      links.push({ ...own, ...fields });
      linkFeature.push(f);
    }
  }

  const place = (path: readonly PathSegment[]): Placed => {
    const [list, k, ...rest] = path;
    const f = (list === "sites" ? siteFeature : list === "links" ? linkFeature : [])[k as number];
    if (f === undefined) return byPath(path);
    const base: PathSegment[] = ["features", f];
    if (rest.length === 0) return byPath(base);
    if (list === "sites" && rest[0] === "location") return byPath(geometryPath(rest, [...base, "geometry"]));
    return byPath([...base, "properties", ...rest]);
  };
  return { ok: true, read: { sites, links, recordProblems, shadows, fileProblems, partial, place } };
}
