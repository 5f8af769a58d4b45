// Synthetic national-scale network as plain records (the shapes of model/types.ts). Deterministic:
// the same seed and size always give the same records.
import type { Link, Site } from "../../model/types.ts";
import { mulberry32, type Random, weighted } from "./prng.ts";
import { type SyntheticShape, shapeFor } from "./shape.ts";

export interface SyntheticKecamatan {
  id: string;
  code: string;
  name: string;
  centroid: { lat: number; lon: number };
  kelurahan: { id: string; name: string }[];
}

export interface SyntheticNetwork {
  shape: SyntheticShape;
  bbox: { minLat: number; maxLat: number; minLon: number; maxLon: number };
  kecamatan: SyntheticKecamatan[];
  /** Sites per kecamatan id, in file order. */
  sitesByKecamatan: Map<string, Site[]>;
  coreLinks: Link[];
  distributionLinks: Link[];
  /** Access links per kecamatan id. */
  accessLinks: Map<string, Link[]>;
}

// A Sulawesi-sized box: big enough that 99 kecamatan and their PoPs spread out like a province.
const BBOX = { minLat: -9, maxLat: -1, minLon: 115, maxLon: 128 };
const PROVENANCE = { source: "synthetic benchmark inventory", illustrative: true, asOf: "2026-11-01" };
const OPD_TENANTS = ["setda", "bappeda", "bpkad", "diskominfo", "dukcapil", "dpmptsp"];

const pad = (n: number, width: number) => String(n).padStart(width, "0");
const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const k = Math.cos((((a.lat + b.lat) / 2) * Math.PI) / 180);
  const dx = (a.lon - b.lon) * k * 111.32;
  const dy = (a.lat - b.lat) * 111.32;
  return Math.sqrt(dx * dx + dy * dy);
}

function jitter(random: Random, p: { lat: number; lon: number }, deg: number) {
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi - 1e-4, Math.max(lo + 1e-4, v));
  return {
    lat: round6(clamp(p.lat + (random() * 2 - 1) * deg, BBOX.minLat, BBOX.maxLat)),
    lon: round6(clamp(p.lon + (random() * 2 - 1) * deg, BBOX.minLon, BBOX.maxLon)),
  };
}

function link(a: Site, b: Site, over: Partial<Link> & Pick<Link, "tier" | "status">): Link {
  // Route length exceeds the straight line: streets and pole lines bend (1.3 is a common planning factor).
  const lengthKm = Math.max(0.05, Math.round(distanceKm(a.location, b.location) * 1.3 * 100) / 100);
  return {
    id: `${a.id}--${b.id}`,
    a: a.id,
    b: b.id,
    deployment: "aerial",
    fiber: "G.652.D",
    cores: 12,
    lengthKm,
    wavelengthNm: 1310,
    splices: 2 + Math.floor(lengthKm / 2),
    connectors: 2,
    splitters: [],
    budgetDb: 28,
    srlg: [`cable-${a.id}--${b.id}`],
    provenance: PROVENANCE,
    ...over,
  };
}

export function generateNetwork(sites: number, seed = 7472): SyntheticNetwork {
  const random = mulberry32(seed);
  const shape = shapeFor(sites);
  const cols = Math.ceil(Math.sqrt(shape.kecamatan * 1.6));
  const rows = Math.ceil(shape.kecamatan / cols);
  const kecamatan: SyntheticKecamatan[] = [];
  const popsOf = new Map<string, Site[]>();
  const sitesByKecamatan = new Map<string, Site[]>();
  const accessLinks = new Map<string, Link[]>();
  const distributionLinks: Link[] = [];
  const coreLinks: Link[] = [];

  // Kecamatan on a jittered grid; PoPs spread over each, one kelurahan per PoP.
  let popBudget = shape.pops;
  for (let k = 0; k < shape.kecamatan; k++) {
    const id = `k-${pad(k + 1, 2)}`;
    const cell = {
      lat: BBOX.minLat + ((Math.floor(k / cols) + 0.5) / rows) * (BBOX.maxLat - BBOX.minLat),
      lon: BBOX.minLon + (((k % cols) + 0.5) / cols) * (BBOX.maxLon - BBOX.minLon),
    };
    const centroid = jitter(random, cell, 0.1);
    const popCount = Math.max(1, Math.round(popBudget / (shape.kecamatan - k)));
    popBudget -= popCount;
    const kec: SyntheticKecamatan = {
      id,
      code: `74.72.${pad(k + 1, 2)}`,
      name: `Kecamatan ${pad(k + 1, 2)}`,
      centroid,
      kelurahan: [],
    };
    const pops: Site[] = [];
    for (let p = 0; p < popCount; p++) {
      const kel = {
        id: `l-${pad(k + 1, 2)}-${pad(p + 1, 3)}`,
        name: `Kelurahan ${pad(k + 1, 2)}-${pad(p + 1, 3)}`,
      };
      kec.kelurahan.push(kel);
      // Hubs always work; a few other PoPs are still being planned, so their sites cannot be live yet.
      const live = p === 0 || random() < 0.95;
      pops.push({
        id: `pop-${pad(k + 1, 2)}-${pad(p + 1, 3)}`,
        name: `PoP ${pad(k + 1, 2)}-${pad(p + 1, 3)}`,
        category: "pop",
        authority: "city",
        tenant: "diskominfo",
        kecamatan: id,
        kelurahan: kel.id,
        location: p === 0 ? centroid : jitter(random, centroid, 0.15),
        connection: { status: live ? "operational" : "planned", medium: "fiber" },
        provenance: PROVENANCE,
      });
    }
    kecamatan.push(kec);
    popsOf.set(id, pops);
    sitesByKecamatan.set(id, [...pops]);
    accessLinks.set(id, []);
  }

  // Cores at evenly spaced kecamatan centroids, in a ring (or a single span for two).
  const cores: Site[] = [];
  for (let c = 0; c < shape.cores; c++) {
    const kec = kecamatan[Math.floor((c * shape.kecamatan) / shape.cores)] as SyntheticKecamatan;
    const core: Site = {
      id: `core-${pad(c + 1, 2)}`,
      name: `Core ${pad(c + 1, 2)}`,
      category: "core",
      authority: "city",
      tenant: "diskominfo",
      kecamatan: kec.id,
      kelurahan: (kec.kelurahan[0] as { id: string }).id,
      location: jitter(random, kec.centroid, 0.02),
      connection: { status: "operational", medium: "fiber" },
      provenance: PROVENANCE,
    };
    cores.push(core);
    sitesByKecamatan.get(kec.id)?.push(core);
  }
  const ring = shape.cores === 2 ? 1 : shape.cores;
  for (let c = 0; c < ring; c++) {
    const a = cores[c] as Site;
    const b = cores[(c + 1) % shape.cores] as Site;
    coreLinks.push(
      link(a, b, {
        tier: "core",
        status: "operational",
        deployment: "underground",
        cores: 96,
        wavelengthNm: 1550,
        budgetDb: 24,
      }),
    );
  }

  // Distribution: the working PoPs of a kecamatan in a ring through the hub, planned PoPs on a planned
  // spur from the hub, and each hub dual-homed to its two nearest cores.
  for (const kec of kecamatan) {
    const pops = popsOf.get(kec.id) as Site[];
    const span = (a: Site, b: Site, status: Link["status"]) =>
      link(a, b, { tier: "distribution", status, cores: 48, wavelengthNm: 1550, budgetDb: 24 });
    const hub = pops[0] as Site;
    const live = pops.filter((p) => p.connection.status === "operational");
    if (live.length === 2) distributionLinks.push(span(hub, live[1] as Site, "operational"));
    if (live.length >= 3) {
      for (let p = 0; p < live.length; p++) {
        distributionLinks.push(span(live[p] as Site, live[(p + 1) % live.length] as Site, "operational"));
      }
    }
    for (const pop of pops)
      if (pop.connection.status !== "operational") distributionLinks.push(span(hub, pop, "planned"));
    const nearest = [...cores].sort(
      (x, y) => distanceKm(hub.location, x.location) - distanceKm(hub.location, y.location),
    );
    for (const core of nearest.slice(0, 2)) distributionLinks.push(span(hub, core, "operational"));
  }

  // Served sites, round-robin over the PoPs of each kecamatan, each on one access link to its PoP.
  let serial = 0;
  for (let k = 0; k < shape.kecamatan; k++) {
    const kec = kecamatan[k] as SyntheticKecamatan;
    const pops = popsOf.get(kec.id) as Site[];
    const count = Math.floor(shape.served / shape.kecamatan) + (k < shape.served % shape.kecamatan ? 1 : 0);
    const list = sitesByKecamatan.get(kec.id) as Site[];
    const links = accessLinks.get(kec.id) as Link[];
    for (let i = 0; i < count; i++) {
      serial++;
      const pop = pops[i % pops.length] as Site;
      const kel = kec.kelurahan[i % pops.length] as { id: string; name: string };
      const category = weighted(random, [
        ["school", 0.6],
        ["opd", 0.12],
        ["puskesmas", 0.1],
        ["kelurahan-office", 0.18],
      ] as const);
      const level =
        category === "school"
          ? weighted(random, [
              ["SD", 0.6],
              ["SMP", 0.25],
              ["SMA", 0.08],
              ["SMK", 0.06],
              ["SLB", 0.01],
            ] as const)
          : undefined;
      const status: Site["connection"]["status"] =
        pop.connection.status === "operational"
          ? weighted(random, [
              ["operational", 0.55],
              ["underConstruction", 0.1],
              ["planned", 0.2],
              ["proposed", 0.15],
            ] as const)
          : random() < 0.5
            ? "planned"
            : "proposed";
      const gpon = category === "school" || category === "puskesmas";
      const site: Site = {
        id: `s-${pad(serial, 6)}`,
        name: `${category === "school" ? `${level} Negeri` : category} ${serial} ${kel.name}`,
        category,
        ...(level ? { level } : {}),
        authority: level === "SMA" || level === "SMK" || level === "SLB" ? "province" : "city",
        tenant:
          category === "school"
            ? "dikpora"
            : category === "puskesmas"
              ? "dinkes"
              : category === "opd"
                ? (OPD_TENANTS[serial % OPD_TENANTS.length] as string)
                : "setda",
        kecamatan: kec.id,
        kelurahan: kel.id,
        location: jitter(random, pop.location, 0.03),
        connection: { status, medium: "fiber", access: gpon ? "gpon" : "p2p", pop: pop.id },
        provenance: PROVENANCE,
      };
      list.push(site);
      links.push(
        link(pop, site, {
          tier: "access",
          status,
          splitters: gpon ? ["1:16"] : [],
          budgetDb: gpon ? 28 : 11,
          srlg: [`cable-${pop.id}-${serial % 6}`],
        }),
      );
    }
  }

  return { shape, bbox: BBOX, kecamatan, sitesByKecamatan, coreLinks, distributionLinks, accessLinks };
}
