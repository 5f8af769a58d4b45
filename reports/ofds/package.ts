// Inventory → Open Fibre Data Standard 0.3 network package: every site a node, every link a span.
// Built from the inventory, not the analyses: OFDS publishes what exists or is planned, not our verdicts.
// What OFDS has no field for travels in our extension (model/load/formats/ofds-extension.ts), so that
// `scripts/coverage --inventory` reads an export back as the same inventory.
import {
  type NetworkExtension,
  type NodeExtension,
  OFDS_EXTENSION,
  type SpanExtension,
} from "../../model/load/formats/ofds-extension.ts";
import type { LatLon, Link, NetworkInventory, Provenance, Site } from "../../model/types.ts";
import { joinChunks, jsonLinesArray } from "../chunks.ts";
import { uuidV5 } from "./uuid.ts";

export const OFDS_NETWORK_SCHEMA =
  "https://raw.githubusercontent.com/Open-Telecoms-Data/open-fibre-data-standard/0__3__0/schema/network-schema.json";

// The closed fibreType codelist names ITU-T recommendations without the sub-category letter.
const FIBRE_TYPES = ["G.651.1", "G.652", "G.653", "G.654", "G.655", "G.656", "G.657"] as const;

type Position = [number, number];
const position = (p: LatLon): Position => [Math.round(p.lon * 1e6) / 1e6, Math.round(p.lat * 1e6) / 1e6];

interface OrganisationRef {
  id: string;
  name: string;
}

export interface OfdsNode {
  id: string;
  name: string;
  status: Site["connection"]["status"];
  location: { type: "Point"; coordinates: Position };
  address: { locality?: string; region: string; country: "ID" };
  type?: string[];
  accessPoint?: boolean;
  [OFDS_EXTENSION]: NodeExtension;
}

export interface OfdsSpan {
  id: string;
  name: string;
  status: Link["status"];
  start: string;
  end: string;
  directed: false;
  route: { type: "LineString"; coordinates: Position[] };
  transmissionMedium: ["fibre"];
  deployment: ["aboveGround" | "belowGround"];
  fibreType?: (typeof FIBRE_TYPES)[number];
  fibreTypeDetails?: { fibreSubtype: string };
  fibreCount: number;
  fibreLength: number;
  physicalInfrastructureProvider?: OrganisationRef;
  [OFDS_EXTENSION]: SpanExtension;
}

export interface OfdsNetwork {
  id: string;
  name: string;
  publisher: { name: string };
  collectionDate: string;
  crs: { name: string; uri: string };
  accuracyDetails: string;
  language: string;
  nodes: OfdsNode[];
  spans: OfdsSpan[];
  organisations?: { id: string; name: string; country: "ID"; roles: string[] }[];
  links: { href: string; rel: string }[];
  [OFDS_EXTENSION]: NetworkExtension;
}

export interface OfdsPackage {
  networks: [OfdsNetwork];
}

function fibreType(fiber: string): Pick<OfdsSpan, "fibreType" | "fibreTypeDetails"> {
  const family = FIBRE_TYPES.find((t) => fiber === t || fiber.startsWith(`${t}.`));
  return family ? { fibreType: family, fibreTypeDetails: { fibreSubtype: fiber } } : {};
}

// ISO dates order correctly as strings.
function latestDate(dates: readonly string[]): string {
  let max = "";
  for (const d of dates) if (d > max) max = d;
  return max;
}

/** The provenance most records share (the network-level default), compared by value. */
function commonProvenance(records: readonly { provenance: Provenance }[], fallback: Provenance): Provenance {
  const counts = new Map<string, { provenance: Provenance; n: number }>();
  let best: { provenance: Provenance; n: number } = { provenance: fallback, n: 0 };
  for (const r of records) {
    const key = provenanceKey(r.provenance);
    const entry = counts.get(key) ?? { provenance: r.provenance, n: 0 };
    entry.n++;
    counts.set(key, entry);
    if (entry.n > best.n) best = entry;
  }
  return {
    source: best.provenance.source,
    illustrative: best.provenance.illustrative,
    asOf: best.provenance.asOf,
  };
}

const provenanceKey = (p: Provenance): string => `${p.source}\u0000${p.illustrative}\u0000${p.asOf}`;

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function toOfdsPackage(inventory: NetworkInventory): OfdsPackage {
  const { city } = inventory;
  const kecamatan = new Map(city.kecamatan.map((k) => [k.id, k]));
  const kelurahan = new Map(city.kecamatan.flatMap((k) => k.kelurahan.map((l) => [l.id, l.name] as const)));
  const sites = new Map(inventory.sites.map((s) => [s.id, s]));
  const tenants = new Map(inventory.tenants.map((t) => [t.id, t]));
  const shared = commonProvenance([...inventory.sites, ...inventory.links], city.provenance);
  const sharedKey = provenanceKey(shared);
  // A record's own provenance only where it differs from the network's.
  const own = (p: Provenance) => (provenanceKey(p) === sharedKey ? {} : { provenance: p });

  const nodes: OfdsNode[] = [...inventory.sites].sort(byId).map((site) => {
    const kec = kecamatan.get(site.kecamatan);
    const kel = site.kelurahan === undefined ? undefined : kelurahan.get(site.kelurahan);
    const network = site.category === "pop" || site.category === "core";
    return {
      id: site.id,
      name: site.name,
      status: site.connection.status,
      location: { type: "Point", coordinates: position(site.location) },
      address: { ...(kel ? { locality: kel } : {}), region: kec?.name ?? site.kecamatan, country: "ID" },
      // PoPs and cores carry the L3 switch and OLT: they are where the network can be accessed.
      ...(network ? { type: ["pop"], accessPoint: true } : {}),
      [OFDS_EXTENSION]: {
        category: site.category,
        ...(site.level !== undefined ? { level: site.level } : {}),
        authority: site.authority,
        ...(site.tenant !== undefined ? { tenant: site.tenant } : {}),
        kecamatan: site.kecamatan,
        ...(site.kelurahan !== undefined ? { kelurahan: site.kelurahan } : {}),
        connection: {
          medium: site.connection.medium,
          ...(site.connection.access !== undefined ? { access: site.connection.access } : {}),
          ...(site.connection.pop !== undefined ? { pop: site.connection.pop } : {}),
        },
        ...own(site.provenance),
      },
    };
  });

  const owners = new Map<string, OrganisationRef>();
  const spans: OfdsSpan[] = [...inventory.links].sort(byId).map((link) => {
    const a = sites.get(link.a);
    const b = sites.get(link.b);
    if (!a || !b) throw new Error(`link ${link.id} joins unknown site ${a ? link.b : link.a}`);
    let provider: OrganisationRef | undefined;
    if (link.owner) {
      provider = { id: link.owner, name: tenants.get(link.owner)?.name ?? link.owner };
      owners.set(provider.id, provider);
    }
    const types = fibreType(link.fiber);
    return {
      id: link.id,
      name: `${a.name} – ${b.name}`,
      status: link.status,
      start: link.a,
      end: link.b,
      directed: false,
      route: { type: "LineString", coordinates: [position(a.location), position(b.location)] },
      transmissionMedium: ["fibre"],
      deployment: [link.deployment === "underground" ? "belowGround" : "aboveGround"],
      ...types,
      fibreCount: link.cores,
      fibreLength: link.lengthKm,
      ...(provider ? { physicalInfrastructureProvider: provider } : {}),
      [OFDS_EXTENSION]: {
        tier: link.tier,
        wavelengthNm: link.wavelengthNm,
        splices: link.splices,
        connectors: link.connectors,
        splitters: link.splitters,
        budgetDb: link.budgetDb,
        srlg: link.srlg,
        ...(types.fibreType === undefined ? { fiber: link.fiber } : {}),
        ...own(link.provenance),
      },
    };
  });

  const dates = [
    city.provenance.asOf,
    ...inventory.sites.map((s) => s.provenance.asOf),
    ...inventory.links.map((l) => l.provenance.asOf),
  ];
  const illustrative =
    inventory.sites.filter((s) => s.provenance.illustrative).length +
    inventory.links.filter((l) => l.provenance.illustrative).length;

  const network: OfdsNetwork = {
    id: uuidV5(`urn:kemendagri:${city.code}:fiber-network`),
    name: `${city.name} fiber network`,
    publisher: { name: city.name },
    collectionDate: latestDate(dates),
    crs: { name: "urn:ogc:def:crs:OGC::CRS84", uri: "http://www.opengis.net/def/crs/OGC/1.3/CRS84" },
    // OFDS has no per-record provenance; say at network level how much of it is estimated.
    accuracyDetails:
      illustrative === 0
        ? "All node locations and span attributes come from survey or records."
        : `${illustrative} of ${inventory.sites.length + inventory.links.length} nodes and spans are illustrative estimates (location, status or attributes), not survey data; the inventory keeps each record's source.`,
    language: "id",
    nodes,
    spans,
    ...(owners.size > 0
      ? {
          organisations: [...owners.values()].sort(byId).map((o) => ({
            ...o,
            country: "ID" as const,
            roles: ["physicalInfrastructureProvider"],
          })),
        }
      : {}),
    links: [{ href: OFDS_NETWORK_SCHEMA, rel: "describedby" }],
    [OFDS_EXTENSION]: { provenance: shared },
  };
  return { networks: [network] };
}

/**
 * The package as text: network fields one per line, then nodes and spans one per line, produced record
 * by record so a national network never has to fit in one string.
 */
export function* ofdsChunks(pkg: OfdsPackage): Generator<string> {
  const { nodes, spans, ...fields } = pkg.networks[0];
  yield '{\n  "networks": [\n    {\n';
  for (const [key, value] of Object.entries(fields))
    yield `      ${JSON.stringify(key)}: ${JSON.stringify(value)},\n`;
  yield '      "nodes": ';
  yield* jsonLinesArray(nodes, "        ", (n) => n);
  yield ',\n      "spans": ';
  yield* jsonLinesArray(spans, "        ", (sp) => sp);
  yield "\n    }\n  ]\n}\n";
}

export function renderOfds(pkg: OfdsPackage): string {
  return joinChunks(ofdsChunks(pkg));
}
