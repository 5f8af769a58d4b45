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

// The service catalog (inventory/services.yaml). SPBE (Perpres 95/2018 arts. 34-35) sorts government
// services into administration services (internal, for the bureaucracy) and public services (for
// residents and businesses); the roadmap's KPIs are shares of each, see inventory/README.md.

/** `public`: for residents and businesses; `internal`: an SPBE administration service. */
export const SERVICE_KINDS = ["public", "internal"] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/** Lifecycle: `pilot` runs for some OPD only, `online` for everyone it is meant for. */
export const SERVICE_STATUSES = ["planned", "pilot", "online", "retired"] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

/** Data classification (BSSN; `sangat rahasia` is never hosted by a city data center). */
export const CLASSIFICATIONS = ["terbuka", "terbatas", "rahasia"] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

/** SPBE areas: the administration areas of Perpres 95/2018 art. 34, then public-service sectors. */
export const SERVICE_AREAS = [
  "planning",
  "budgeting",
  "finance",
  "procurement",
  "staffing",
  "archives",
  "assets",
  "internal-audit",
  "performance",
  "correspondence",
  "licensing",
  "complaints",
  "public-information",
  "open-data",
  "monitoring",
  "iot",
  "participation",
  "population",
  "health",
  "education",
] as const;
export type ServiceArea = (typeof SERVICE_AREAS)[number];

/** Where a service runs: the city's data center, a national platform (SIPD, SP4N-LAPOR!), or a vendor. */
export const SERVICE_HOSTINGS = ["datacenter", "national", "vendor"] as const;
export type ServiceHosting = (typeof SERVICE_HOSTINGS)[number];

export const ROADMAP_PHASES = ["I", "II", "III"] as const;
export type RoadmapPhase = (typeof ROADMAP_PHASES)[number];

export interface ResourceAmounts {
  /** Kubernetes quantity, e.g. "250m". */
  cpu: string;
  /** Kubernetes quantity, e.g. "256Mi". */
  memory: string;
}

/** How a data-center service runs on Kubernetes. */
export interface ServiceWorkload {
  /** Inventory cluster id (datacenter.yaml). */
  cluster: string;
  /** Pinned image: a tag other than `latest`, or a digest. */
  image: string;
  port: number;
  replicas: number;
  /** Horizontal autoscaling ceiling; absent means a fixed replica count. */
  maxReplicas?: number;
  resources: { requests: ResourceAmounts; limits: ResourceAmounts };
  /** Public host name; an Ingress is made only for public services that set it. */
  host?: string;
  /** Availability objective over 30 days, e.g. 0.995. */
  sloTarget: number;
  /** Ids of services this one calls; their namespaces admit its traffic. */
  dependsOn: string[];
}

/** How a service backs up its data (BSSN 4/2021; mandatory for tenants since the 2024 PDN incident). */
export interface ServiceBackup {
  /** Site id (sites/) where the copy is kept; off-site means not the data center's own site. */
  offsite: string;
  encrypted: boolean;
  /** ISO date of the last successful restore test. */
  restoreTestedOn: string;
  /** The backup policy: a restore test at least every so many days. */
  restoreTestEveryDays: number;
}

/**
 * What the SPBE / Satu Data / BSSN rules need to know about a service's data (policy/). Every field
 * is optional so an inventory can say what it knows; the policy pack reports what is missing.
 */
export interface ServiceData {
  /** Satu Data steward (Perpres 39/2019) of the data this service publishes: a tenant id. */
  walidata?: string;
  /** ISO 3166-1 alpha-2 country where the data is stored (PP 71/2019: Indonesia, `ID`). */
  storageCountry?: string;
  encryptionAtRest?: boolean;
  /** Clients reach the service over TLS only. */
  tls?: boolean;
  backup?: ServiceBackup;
}

export interface Service {
  id: string;
  name: string;
  /** Owner OPD (tenants.yaml). */
  tenant: string;
  kind: ServiceKind;
  area: ServiceArea;
  phase: RoadmapPhase;
  /** Counted by "essential public services online"; only public services can be essential. */
  essential: boolean;
  status: ServiceStatus;
  classification: Classification;
  personalData: boolean;
  hosting: ServiceHosting;
  /** Required exactly when hosting is `datacenter`. */
  workload?: ServiceWorkload;
  /** Facts about the service's data for the policy pack; absent facts are reported there. */
  data?: ServiceData;
  provenance: Provenance;
}

export interface Inventory {
  city: City;
  tenants: Tenant[];
  targets: Target[];
  sites: Site[];
  links: Link[];
  datacenter: DataCenter;
  /** The service catalog; empty when the inventory has no services.yaml. */
  services: Service[];
}

/** What the fiber network's analyses and reports read: the inventory, its data center optional (the
 * coverage report never reads it, and a network package read alone has none). */
export type NetworkInventory = Omit<Inventory, "datacenter"> & { datacenter?: DataCenter };
