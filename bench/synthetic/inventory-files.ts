// Writes the synthetic network the way a national inventory arrives: the small context people edit as
// YAML (city, tenants, targets, data center) and the sites and links as one export in a standard format,
// an OFDS 0.3 package (the project's own exporter) or NDJSON (one record a line). Nobody hand-edits half
// a million sites in YAML, so the benchmark no longer writes them that way (docs/benchmarks.md).

import type { City, Link, NetworkInventory, Site, Tenant } from "../../model/types.ts";
import { ofdsChunks, toOfdsPackage } from "../../reports/ofds/package.ts";
import { ndjsonChunks } from "./network-files.ts";
import { generateNetwork, type SyntheticNetwork } from "./records.ts";

const PROVENANCE = "{ source: synthetic benchmark inventory, illustrative: true, asOf: 2026-11-01 }";
const PROVENANCE_VALUE = { source: "synthetic benchmark inventory", illustrative: true, asOf: "2026-11-01" };

const listFile = (key: string, items: string[]): string => `${key}:\n${items.join("\n")}\n`;

function cityYaml(net: SyntheticNetwork): string {
  const { bbox } = net;
  const kecamatan = net.kecamatan.map((k) =>
    [
      `    - id: ${k.id}`,
      `      code: "${k.code}"`,
      `      name: ${k.name}`,
      `      areaKm2: 120`,
      `      centroid: { lat: ${k.centroid.lat}, lon: ${k.centroid.lon} }`,
      `      kelurahan:`,
      ...k.kelurahan.map((l) => `        - { id: ${l.id}, name: ${l.name} }`),
    ].join("\n"),
  );
  return [
    "city:",
    `  code: "74.72"`,
    "  name: Synthetic National Network",
    "  timezone: Asia/Makassar",
    `  bbox: { minLat: ${bbox.minLat}, maxLat: ${bbox.maxLat}, minLon: ${bbox.minLon}, maxLon: ${bbox.maxLon} }`,
    `  provenance: ${PROVENANCE}`,
    "  kecamatan:",
    ...kecamatan,
    "",
  ].join("\n");
}

const TENANTS: [string, string, string][] = [
  ["setda", "Sekretariat Daerah", "setda"],
  ["bappeda", "Badan Perencanaan Pembangunan Daerah", "badan"],
  ["bpkad", "Badan Pengelolaan Keuangan dan Aset Daerah", "badan"],
  ["diskominfo", "Dinas Komunikasi dan Informatika", "dinas"],
  ["dukcapil", "Dinas Kependudukan dan Pencatatan Sipil", "dinas"],
  ["dpmptsp", "Dinas Penanaman Modal dan PTSP", "dinas"],
  ["dikpora", "Dinas Pendidikan, Pemuda dan Olahraga", "dinas"],
  ["dinkes", "Dinas Kesehatan", "dinas"],
];

function tenantsYaml(): string {
  return listFile(
    "tenants",
    TENANTS.map(
      ([id, name, kind]) => `  - { id: ${id}, name: "${name}", kind: ${kind}, provenance: ${PROVENANCE} }`,
    ),
  );
}

function targetsYaml(): string {
  return listFile("targets", [
    `  - { id: fiber-phase-1, measure: fiber-coverage, categories: [opd, school, puskesmas], authorities: [city, province], ratio: 0.7, by: 2028-12-31, phase: I, provenance: ${PROVENANCE} }`,
    `  - { id: fiber-phase-1-city-only, measure: fiber-coverage, categories: [opd, school, puskesmas], authorities: [city], ratio: 0.7, by: 2028-12-31, phase: I, provenance: ${PROVENANCE} }`,
  ]);
}

function datacenterYaml(): string {
  return `datacenter:
  id: dc-core-01
  name: Synthetic Tier-2 data center
  site: core-01
  tier: II
  demand: { electricalKw: 90, coolingKw: 75, pumpLpm: 400, fuelBurnLph: 26, fuelHoursRequired: 12 }
  components:
    - { id: ups-1, class: ups, capacity: 60, status: operational }
    - { id: ups-2, class: ups, capacity: 60, status: operational }
    - { id: genset-1, class: generator, capacity: 120, status: operational }
    - { id: genset-2, class: generator, capacity: 120, status: operational }
    - { id: crac-1, class: cooling, capacity: 80, status: operational }
    - { id: crac-2, class: cooling, capacity: 80, status: operational }
    - { id: pump-1, class: pump, capacity: 400, status: operational }
    - { id: pump-2, class: pump, capacity: 400, status: operational }
    - { id: tank-1, class: fuel-tank, capacity: 400, status: operational }
    - { id: tank-2, class: fuel-tank, capacity: 400, status: operational }
  racks:
    - { id: rack-a1, zone: zone-a, row: A, units: 42, powerKw: 8 }
  servers:
    - { id: srv-a1-01, rack: rack-a1, position: 1, cluster: platform, role: control-plane, cpu: 32, memoryGi: 128, pods: 110 }
  clusters:
    - { id: platform, purpose: synthetic, kubernetesVersion: 1.36.1 }
  provenance: ${PROVENANCE}
`;
}

export const NETWORK_FORMATS = ["ofds", "ndjson"] as const;
export type SyntheticFormat = (typeof NETWORK_FORMATS)[number];
export const NETWORK_FILE: Record<SyntheticFormat, string> = {
  ofds: "network.json",
  ndjson: "network.ndjson",
};

export interface SyntheticInventory {
  /** Path → text, the input parseNetworkInventory takes: the context YAML and the network file. */
  files: Record<string, string>;
  network: SyntheticNetwork;
  /** Bytes of the network file. */
  bytes: number;
}

/** Every site and link, in file order (kecamatan by kecamatan, then core, distribution, access links). */
export function records(network: SyntheticNetwork): { sites: Site[]; links: Link[] } {
  return {
    sites: [...network.sitesByKecamatan.values()].flat(),
    links: [...network.coreLinks, ...network.distributionLinks, ...[...network.accessLinks.values()].flat()],
  };
}

/** The inventory objects the OFDS exporter reads (the same facts as the context YAML). */
function asInventory(net: SyntheticNetwork, sites: Site[], links: Link[]): NetworkInventory {
  const city: City = {
    code: "74.72",
    name: "Synthetic National Network",
    timezone: "Asia/Makassar",
    bbox: net.bbox,
    kecamatan: net.kecamatan.map((k) => ({ ...k, areaKm2: 120 })),
    provenance: PROVENANCE_VALUE,
  };
  const tenants: Tenant[] = TENANTS.map(([id, name, kind]) => ({
    id,
    name,
    kind: kind as Tenant["kind"],
    provenance: PROVENANCE_VALUE,
  }));
  return { city, tenants, targets: [], sites, links, services: [] };
}

export function generateInventoryFiles(
  sites: number,
  seed?: number,
  format: SyntheticFormat = "ofds",
): SyntheticInventory {
  const network = generateNetwork(sites, seed);
  const all = records(network);
  const chunks =
    format === "ofds"
      ? ofdsChunks(toOfdsPackage(asInventory(network, all.sites, all.links)))
      : ndjsonChunks(all.sites, all.links);
  const text = [...chunks].join("");
  const files: Record<string, string> = {
    "city.yaml": cityYaml(network),
    "tenants.yaml": tenantsYaml(),
    "targets.yaml": targetsYaml(),
    "datacenter.yaml": datacenterYaml(),
    [NETWORK_FILE[format]]: text,
  };
  return { files, network, bytes: Buffer.byteLength(text) };
}
