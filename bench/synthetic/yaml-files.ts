// Writes the synthetic network as inventory YAML texts, in the same block style people write in
// inventory/ (one record per block, flow maps for location/connection/provenance), so the benchmark
// pays the real cost of parsing and validating what humans maintain.
import type { Link, Site } from "../../model/types.ts";
import { generateNetwork, type SyntheticNetwork } from "./records.ts";

const PROVENANCE = "{ source: synthetic benchmark inventory, illustrative: true, asOf: 2026-11-01 }";

function siteYaml(s: Site): string {
  const c = s.connection;
  const connection = [`status: ${c.status}`, `medium: ${c.medium}`];
  if (c.access) connection.push(`access: ${c.access}`);
  if (c.pop) connection.push(`pop: ${c.pop}`);
  return [
    `  - id: ${s.id}`,
    `    name: ${s.name}`,
    `    category: ${s.category}`,
    ...(s.level ? [`    level: ${s.level}`] : []),
    `    authority: ${s.authority}`,
    ...(s.tenant ? [`    tenant: ${s.tenant}`] : []),
    `    kecamatan: ${s.kecamatan}`,
    ...(s.kelurahan ? [`    kelurahan: ${s.kelurahan}`] : []),
    `    location: { lat: ${s.location.lat}, lon: ${s.location.lon} }`,
    `    connection: { ${connection.join(", ")} }`,
    `    provenance: ${PROVENANCE}`,
  ].join("\n");
}

function linkYaml(l: Link): string {
  return [
    `  - id: ${l.id}`,
    `    a: ${l.a}`,
    `    b: ${l.b}`,
    `    tier: ${l.tier}`,
    `    status: ${l.status}`,
    `    deployment: ${l.deployment}`,
    `    fiber: ${l.fiber}`,
    `    cores: ${l.cores}`,
    `    lengthKm: ${l.lengthKm}`,
    `    wavelengthNm: ${l.wavelengthNm}`,
    `    splices: ${l.splices}`,
    `    connectors: ${l.connectors}`,
    `    splitters: [${l.splitters.map((r) => `"${r}"`).join(", ")}]`,
    `    budgetDb: ${l.budgetDb}`,
    `    srlg: [${l.srlg.join(", ")}]`,
    `    provenance: ${PROVENANCE}`,
  ].join("\n");
}

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

export interface SyntheticInventory {
  /** Path → YAML text, the input parseInventory takes. */
  files: Record<string, string>;
  network: SyntheticNetwork;
  bytes: number;
}

export function generateInventoryFiles(sites: number, seed?: number): SyntheticInventory {
  const network = generateNetwork(sites, seed);
  const files: Record<string, string> = {
    "city.yaml": cityYaml(network),
    "tenants.yaml": tenantsYaml(),
    "targets.yaml": targetsYaml(),
    "datacenter.yaml": datacenterYaml(),
    "links/core.yaml": listFile("links", network.coreLinks.map(linkYaml)),
    "links/distribution.yaml": listFile("links", network.distributionLinks.map(linkYaml)),
  };
  for (const [kec, list] of network.sitesByKecamatan) {
    files[`sites/${kec}.yaml`] = listFile("sites", list.map(siteYaml));
    files[`links/access-${kec}.yaml`] = listFile("links", (network.accessLinks.get(kec) ?? []).map(linkYaml));
  }
  let bytes = 0;
  for (const text of Object.values(files)) bytes += Buffer.byteLength(text);
  return { files, network, bytes };
}
