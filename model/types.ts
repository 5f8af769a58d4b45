// The typed inventory every other room reads. The zod schemas in model/schema/ must produce
// values assignable to these types; analyses, stacks, charts and reports depend on these names.

/** Status vocabulary of the Open Fibre Data Standard (nodes and spans). */
export const FIBER_STATUSES = [
  "proposed",
  "planned",
  "underConstruction",
  "operational",
  "inactive",
  "decommissioned",
] as const;
export type FiberStatus = (typeof FIBER_STATUSES)[number];

export const SITE_CATEGORIES = [
  "opd",
  "kecamatan-office",
  "kelurahan-office",
  "school",
  "puskesmas",
  "pop",
  "core",
] as const;
export type SiteCategory = (typeof SITE_CATEGORIES)[number];

export const SCHOOL_LEVELS = ["SD", "SMP", "SMA", "SMK", "SLB"] as const;
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];

export const AUTHORITIES = ["city", "province", "central", "private"] as const;
export type Authority = (typeof AUTHORITIES)[number];

export const LINK_TIERS = ["core", "distribution", "access"] as const;
export type LinkTier = (typeof LINK_TIERS)[number];

export const DEPLOYMENTS = ["aerial", "underground"] as const;
export type Deployment = (typeof DEPLOYMENTS)[number];

export const SPLITTER_RATIOS = ["1:2", "1:4", "1:8", "1:16", "1:32", "1:64"] as const;
export type SplitterRatio = (typeof SPLITTER_RATIOS)[number];

export interface LatLon {
  lat: number;
  lon: number;
}

/** Where a record's facts come from. Estimated data is never presented as surveyed. */
export interface Provenance {
  source: string;
  illustrative: boolean;
  /** ISO date, YYYY-MM-DD. */
  asOf: string;
}

export interface Kelurahan {
  id: string;
  name: string;
}

export interface Kecamatan {
  id: string;
  /** Kemendagri code, e.g. 74.72.02. */
  code: string;
  name: string;
  areaKm2: number;
  centroid: LatLon;
  kelurahan: Kelurahan[];
}

export interface BoundingBox {
  minLat: number;
  maxLat: number;
  minLon: number;
  maxLon: number;
}

export interface City {
  code: string;
  name: string;
  timezone: string;
  bbox: BoundingBox;
  kecamatan: Kecamatan[];
  provenance: Provenance;
}

export const TENANT_KINDS = [
  "setda",
  "dinas",
  "badan",
  "kantor",
  "inspektorat",
  "satpol",
  "rsud",
  "kecamatan",
  "kelurahan",
  "sekretariat",
] as const;
export type TenantKind = (typeof TENANT_KINDS)[number];

/** An OPD (perangkat daerah): owns sites and services. */
export interface Tenant {
  id: string;
  name: string;
  kind: TenantKind;
  /** Satu Data role. */
  dataRole?: "walidata" | "produsen-data";
  /** Where the record comes from (the loader requires it; optional here for hand-built values). */
  provenance?: Provenance;
}

export const CONNECTION_MEDIA = ["fiber", "wireless", "vsat", "copper", "none"] as const;
export type ConnectionMedium = (typeof CONNECTION_MEDIA)[number];

export interface SiteConnection {
  status: FiberStatus;
  medium: ConnectionMedium;
  access?: "p2p" | "gpon";
  /** The PoP this site is (or will be) homed on. */
  pop?: string;
}

export interface Site {
  id: string;
  name: string;
  category: SiteCategory;
  /** Schools only. */
  level?: SchoolLevel;
  authority: Authority;
  tenant?: string;
  kecamatan: string;
  kelurahan?: string;
  location: LatLon;
  connection: SiteConnection;
  provenance: Provenance;
}

export interface Link {
  id: string;
  a: string;
  b: string;
  tier: LinkTier;
  status: FiberStatus;
  deployment: Deployment;
  fiber: string;
  cores: number;
  lengthKm: number;
  wavelengthNm: 1310 | 1490 | 1550;
  splices: number;
  connectors: number;
  splitters: SplitterRatio[];
  /** Optical power budget of the optics on this link (dB). */
  budgetDb: number;
  /** Shared-risk link groups: cable, pole line, duct, bridge, building entry. */
  srlg: string[];
  owner?: string;
  provenance: Provenance;
}

export interface Target {
  id: string;
  measure: "fiber-coverage";
  categories: SiteCategory[];
  authorities: Authority[];
  ratio: number;
  /** ISO date. */
  by: string;
  phase?: string;
  /** Where the record comes from (the loader requires it; optional here for hand-built values). */
  provenance?: Provenance;
}

export const COMPONENT_CLASSES = ["ups", "generator", "cooling", "pump", "fuel-tank"] as const;
export type ComponentClass = (typeof COMPONENT_CLASSES)[number];

/** A redundant-capacity component of the Tier-2 site (Uptime Tier II: N+1 per class). */
export interface DcComponent {
  id: string;
  class: ComponentClass;
  /** kW for ups/generator/cooling/pump (pump: l/min); litres for fuel-tank. */
  capacity: number;
  status: "operational" | "maintenance" | "failed" | "planned";
}

export interface DcDemand {
  /** IT + facility load the UPS and generators must carry (kW). */
  electricalKw: number;
  /** Heat to remove (kW). */
  coolingKw: number;
  /** Chilled/condenser water flow needed (l/min). */
  pumpLpm: number;
  /** Generator fuel burn at N load (litres per hour). */
  fuelBurnLph: number;
  /** Required autonomy at N load (hours). */
  fuelHoursRequired: number;
}

export interface Rack {
  id: string;
  /** Availability zone label the servers in this rack carry. */
  zone: string;
  row: string;
  units: number;
  powerKw: number;
}

export interface Server {
  id: string;
  rack: string;
  /** Lowest rack unit occupied. */
  position: number;
  cluster: string;
  role: "control-plane" | "worker";
  cpu: number;
  memoryGi: number;
  pods: number;
}

export interface Cluster {
  id: string;
  purpose: string;
  kubernetesVersion: string;
}

export interface DataCenter {
  id: string;
  name: string;
  site: string;
  tier: "II";
  demand: DcDemand;
  components: DcComponent[];
  racks: Rack[];
  servers: Server[];
  clusters: Cluster[];
  provenance: Provenance;
}

export interface Inventory {
  city: City;
  tenants: Tenant[];
  targets: Target[];
  sites: Site[];
  links: Link[];
  datacenter: DataCenter;
}
