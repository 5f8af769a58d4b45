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
import { NODE_OWN_FIELDS, OFDS_EXTENSION, SPAN_OWN_FIELDS } from "./ofds-extension.ts";
import { derivedCity, foreignLink, foreignProvenance, foreignSite } from "./ofds-foreign.ts";

const X = OFDS_EXTENSION;
const DEPLOYMENT = { aboveGround: "aerial", belowGround: "underground" } as const;
// Extension fields of a span that the reader places into the link by name; any other key is copied
// as it is, so the schema names it as an unknown field.
const SPAN_EXTENSION_FIELDS = new Set([
  "tier",
  "wavelengthNm",
  "splices",
  "connectors",
  "splitters",
  "budgetDb",
  "srlg",
  "fiber",
  "provenance",
]);

interface Source {
  network: number;
  index: number;
  /** The record had no extension: its other fields are assumptions (no place in the file to point at). */
  foreign: boolean;
  /** The record took the network's provenance (no own one). */
  sharedProvenance: boolean;
  /** Where its fiber came from, for a link. */
  fiberFrom?: PathSegment[];
}

export function readOfds(file: string, text: string): NetworkReadResult {
  const doc = openJsonDocument(file, text);
  if (!doc.ok) return doc;
  const { root, fileProblems, at, recordProblems, shadows, record } = doc;
  const networks = isPlainObject(root) ? root.networks : undefined;
  if (!Array.isArray(networks)) {
    const found = isPlainObject(root) ? describeJson(networks) : describeJson(root);
    const where = isPlainObject(root) ? ["networks"] : [];
    at(where, `an OFDS network package is an object with a "networks" list, found ${found}`);
    return { ok: false, problems: fileProblems };
  }

  const sites: unknown[] = [];
  const links: unknown[] = [];
  const siteSources: Source[] = [];
  const linkSources: Source[] = [];
  let anyExtension = false;
  let partial = false;

  for (let n = 0; n < networks.length; n++) {
    const network: unknown = networks[n];
    if (!isPlainObject(network)) {
      at(["networks", n], `expected a network object, found ${describeJson(network)}`);
      partial = true;
      continue;
    }
    const nodes = network.nodes ?? [];
    const spans = network.spans ?? [];
    for (const [key, list] of [
      ["nodes", nodes],
      ["spans", spans],
    ] as const) {
      if (!Array.isArray(list)) {
        at(["networks", n, key], `expected a list, found ${describeJson(list)}`);
        partial = true;
      }
    }
    const ext = network[X];
    if (ext !== undefined) anyExtension = true;
    if (ext !== undefined && !isPlainObject(ext))
      at(["networks", n, X], `expected an object, found ${describeJson(ext)}`);
    const shared = isPlainObject(ext) && ext.provenance !== undefined ? ext.provenance : undefined;
    const dated = foreignProvenance(network);
    const assumed = typeof dated === "string" ? undefined : dated;
    let undatedReported = false;
    // A record that takes the assumed provenance of an undated package: said once for the network.
    const needsAssumed = (path: PathSegment[]) => {
      if (typeof dated !== "string") return;
      shadows.push(path);
      if (!undatedReported) at(["networks", n, "collectionDate"], dated);
      undatedReported = true;
    };

    // Each element of the network's nodes or spans, with its index in the model's list and where it
    // came from; an element that is not an object is reported and kept as it is (the schema names
    // nothing more of it), and not visited.
    const eachElement = (
      list: "sites" | "links",
      items: unknown,
      visit: (item: Record<string, unknown>, index: number, k: number, source: Source) => void,
    ) => {
      if (!Array.isArray(items)) return;
      const out = list === "sites" ? sites : links;
      for (let index = 0; index < items.length; index++) {
        const item: unknown = items[index];
        const k = out.length;
        const source: Source = {
          network: n,
          index,
          foreign: !isPlainObject(item) || item[X] === undefined,
          sharedProvenance: false,
        };
        (list === "sites" ? siteSources : linkSources).push(source);
        if (isPlainObject(item)) {
          visit(item, index, k, source);
          continue;
        }
        record(
          [list, k],
          `expected a ${list === "sites" ? "node" : "span"} object, found ${describeJson(item)}`,
        );
        out.push(item);
      }
    };
    // An extension that is not an object: reported, and the record keeps only its id.
    const brokenExtension = (list: "sites" | "links", k: number, ext: unknown, id: unknown) => {
      record([list, k], `${X}: expected an object, found ${describeJson(ext)}`);
      (list === "sites" ? sites : links).push({ id });
    };

    const categories = new Map<unknown, string>();
    eachElement("sites", nodes, (node, i, k, source) => {
      const nodeExt = node[X];
      const location = pointLocation(node.location);
      if (typeof location === "string") record(["sites", k, "location"], location);
      const loc = typeof location === "string" ? undefined : location;
      if (nodeExt === undefined) {
        const site = foreignSite(node, loc, assumed);
        source.sharedProvenance = true;
        needsAssumed(["sites", k, "provenance"]);
        categories.set(node.id, site.category);
        sites.push(site);
        return;
      }
      anyExtension = true;
      if (!isPlainObject(nodeExt)) {
        brokenExtension("sites", k, nodeExt, node.id);
        return;
      }
      const { connection, provenance, ...fields } = nodeExt;
      for (const own of NODE_OWN_FIELDS)
        if (own in nodeExt) at(["networks", n, "nodes", i, X, own], givenTwice("node", `"${own}"`));
      let conn: unknown = connection;
      if (isPlainObject(connection)) {
        if ("status" in connection) {
          at(["networks", n, "nodes", i, X, "connection", "status"], givenTwice("node", '"status"'));
          const { status: _own, ...rest } = connection;
          conn = { status: node.status, ...rest };
        } else conn = { status: node.status, ...connection };
      }
      source.sharedProvenance = provenance === undefined;
      if (provenance === undefined && shared === undefined) needsAssumed(["sites", k, "provenance"]);
      sites.push({
        id: node.id,
        name: node.name,
        ...fields,
        location: loc,
        connection: conn,
        provenance: provenance ?? shared ?? assumed,
      });
    });

    eachElement("links", spans, (span, j, k, source) => {
      const spanExt = span[X];
      const deployment = deploymentOf(span.deployment);
      if (deployment === null)
        record(
          ["links", k, "deployment"],
          `${describeJson(span.deployment)} is not allowed: a list of one of`,
          Object.keys(DEPLOYMENT),
        );
      const ofdsFiber = fibreOf(span);
      if (spanExt === undefined) {
        source.sharedProvenance = true;
        source.fiberFrom = ofdsFiber.from;
        needsAssumed(["links", k, "provenance"]);
        links.push(foreignLink(span, deployment ?? undefined, ofdsFiber.fiber, categories, assumed));
        return;
      }
      anyExtension = true;
      if (!isPlainObject(spanExt)) {
        brokenExtension("links", k, spanExt, span.id);
        return;
      }
      for (const own of SPAN_OWN_FIELDS)
        if (own in spanExt)
          at(["networks", n, "spans", j, X, own], givenTwice("span", `(${ownSpanField(own)})`));
      const provider = span.physicalInfrastructureProvider;
      const owner = isPlainObject(provider) ? provider.id : undefined;
      const fiber = spanExt.fiber !== undefined ? spanExt.fiber : ofdsFiber.fiber;
      source.fiberFrom = spanExt.fiber !== undefined ? [X, "fiber"] : ofdsFiber.from;
      source.sharedProvenance = spanExt.provenance === undefined;
      if (spanExt.provenance === undefined && shared === undefined) needsAssumed(["links", k, "provenance"]);
      const link: Record<string, unknown> = {
        id: span.id,
        a: span.start,
        b: span.end,
        tier: spanExt.tier,
        status: span.status,
        deployment: deployment ?? undefined,
        fiber,
        cores: span.fibreCount,
        lengthKm: span.fibreLength,
        wavelengthNm: spanExt.wavelengthNm,
        splices: spanExt.splices,
        connectors: spanExt.connectors,
        splitters: spanExt.splitters,
        budgetDb: spanExt.budgetDb,
        srlg: spanExt.srlg,
      };
      if (owner !== undefined) link.owner = owner;
      link.provenance = spanExt.provenance ?? shared ?? assumed;
      for (const key of Object.keys(spanExt)) if (!SPAN_EXTENSION_FIELDS.has(key)) link[key] = spanExt[key];
      // Optional fields the span leaves out must be absent, not undefined, for the strict schema.
      if (link.deployment === undefined) delete link.deployment;
      links.push(link);
    });
  }

  const place = (path: readonly PathSegment[]): Placed => {
    const [list, k, ...rest] = path;
    const source = (list === "sites" ? siteSources : list === "links" ? linkSources : [])[k as number];
    if (source === undefined) return byPath(path);
    const base: PathSegment[] = [
      "networks",
      source.network,
      list === "sites" ? "nodes" : "spans",
      source.index,
    ];
    return byPath(list === "sites" ? nodePath(base, rest, source) : spanPath(base, rest, source));
  };

  const read = { sites, links, recordProblems, shadows, fileProblems, partial, place };
  if (!anyExtension) return { ok: true, read: { ...read, derivedCity: derivedCity(networks, sites) } };
  return { ok: true, read };
}

/** An extension field the node or span has in OFDS itself: refused where the extension gives it. */
function givenTwice(element: "node" | "span", field: string): string {
  return `is the ${element}'s own OFDS field ${field}; give it there, not here`;
}

function ownSpanField(field: (typeof SPAN_OWN_FIELDS)[number]): string {
  const ofds: Record<string, string> = {
    a: "start",
    b: "end",
    cores: "fibreCount",
    lengthKm: "fibreLength",
    owner: "physicalInfrastructureProvider",
  };
  return ofds[field] ?? field;
}

/** OFDS's deployment list as the model's one word; undefined when absent, null when not understood. */
function deploymentOf(value: unknown): "aerial" | "underground" | undefined | null {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length === 0) return null;
  if (!value.every((v) => v === "aboveGround" || v === "belowGround")) return null;
  // A span partly on poles shares the risks of aerial cable, so aerial wins when both are listed.
  return value.includes("aboveGround") ? "aerial" : "underground";
}

/** The fibre type as the model's `fiber` (G.652.D), and which OFDS field gave it. */
function fibreOf(span: Record<string, unknown>): { fiber: unknown; from: PathSegment[] } {
  const details = span.fibreTypeDetails;
  if (isPlainObject(details) && details.fibreSubtype !== undefined)
    return { fiber: details.fibreSubtype, from: ["fibreTypeDetails", "fibreSubtype"] };
  return { fiber: span.fibreType, from: ["fibreType"] };
}

function nodePath(base: PathSegment[], rest: PathSegment[], s: Source): PathSegment[] {
  const [field] = rest;
  if (field === undefined || field === "id" || field === "name") return [...base, ...rest];
  if (field === "location") return geometryPath(rest, [...base, "location"]);
  if (field === "connection" && rest[1] === "status") return [...base, "status"];
  if (field === "provenance" && s.sharedProvenance)
    return s.foreign ? base : ["networks", s.network, X, ...rest];
  // An assumed field has no place in the file: the node is the nearest thing to point at.
  return s.foreign ? base : [...base, X, ...rest];
}

const SPAN_FIELDS: Record<string, PathSegment[]> = {
  a: ["start"],
  b: ["end"],
  status: ["status"],
  deployment: ["deployment"],
  cores: ["fibreCount"],
  lengthKm: ["fibreLength"],
  owner: ["physicalInfrastructureProvider", "id"],
};

function spanPath(base: PathSegment[], rest: PathSegment[], s: Source): PathSegment[] {
  const [field, ...deeper] = rest;
  if (field === undefined || field === "id") return [...base, ...rest];
  const own = SPAN_FIELDS[field as string];
  if (own) return [...base, ...own, ...deeper];
  if (field === "fiber" && s.fiberFrom) return [...base, ...s.fiberFrom];
  if (field === "provenance" && s.sharedProvenance)
    return s.foreign ? base : ["networks", s.network, X, ...rest];
  return s.foreign ? base : [...base, X, ...rest];
}
