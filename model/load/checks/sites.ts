// Per-site references and rules that no single-record schema can express: the kecamatan and
// kelurahan exist and belong together, the tenant and PoP exist, the point lies in the city,
// and only schools carry a level (with the authority that runs that level).
import { type Kecamatan, SCHOOL_LEVELS, type SchoolLevel, type Site } from "../../types.ts";
import { baseName } from "../files.ts";
import type { CheckContext } from "./context.ts";

// SD and SMP are run by the city, SMA/SMK/SLB by the province (UU 23/2014); either may be private.
const WRONG_AUTHORITY: Record<SchoolLevel, string | undefined> = {
  SD: "province",
  SMP: "province",
  SMA: "city",
  SMK: "city",
  SLB: "city",
};

export function checkSites(ctx: CheckContext): void {
  const { data } = ctx;
  const city = data.city?.value;
  const cityFile = data.city?.file ?? "";
  const kecById = new Map<string, Kecamatan>();
  const kecOfKel = new Map<string, string>();
  /** Where each kelurahan is defined in city.yaml: [kecamatan index, kelurahan index]. */
  const kelAt = new Map<string, [number, number]>();
  const kelOfKec = new Map<string, Set<string>>();
  (city?.kecamatan ?? []).forEach((k, ki) => {
    kecById.set(k.id, k);
    kelOfKec.set(k.id, new Set(k.kelurahan.map((l) => l.id)));
    k.kelurahan.forEach((l, li) => {
      kecOfKel.set(l.id, k.id);
      kelAt.set(l.id, [ki, li]);
    });
  });
  const kecIds = () => kecById.keys();
  const popIds = () => data.sites.items.filter((s) => s.category === "pop").map((s) => s.id);
  const sites = data.sites.items;
  const popCache = new Map<string, Site | undefined>();

  for (let i = 0; i < sites.length; i++) {
    const s = sites[i] as Site;
    if (city) {
      const kec = kecById.get(s.kecamatan);
      if (!kec) {
        ctx.unknownRef(ctx.sitePath(i, "kecamatan"), "kecamatan", s.kecamatan, kecIds, [...kecById.keys()]);
      } else if (s.kelurahan !== undefined && !kelOfKec.get(kec.id)?.has(s.kelurahan)) {
        const actual = kecOfKel.get(s.kelurahan);
        if (actual !== undefined) {
          const [ki, li] = kelAt.get(s.kelurahan) as [number, number];
          ctx.report({
            ...ctx.sitePath(i, "kelurahan"),
            message: `kelurahan "${s.kelurahan}" belongs to kecamatan "${actual}", not "${s.kecamatan}"`,
            related: { file: cityFile, path: ["city", "kecamatan", ki, "kelurahan", li, "id"] },
          });
        } else {
          const names = kec.kelurahan.map((l) => l.id);
          ctx.unknownRef(
            ctx.sitePath(i, "kelurahan"),
            `kelurahan in ${s.kecamatan}`,
            s.kelurahan,
            () => names,
            names,
          );
        }
      }
      // A file named after a kecamatan holds only that kecamatan's sites; other names group freely.
      const fileKec = baseName(data.sites.origins.fileOf(i) ?? "");
      if (kec && kecById.has(fileKec) && fileKec !== s.kecamatan) {
        ctx.report({
          ...ctx.sitePath(i, "kecamatan"),
          message: `is "${s.kecamatan}" but this file holds the sites of kecamatan "${fileKec}"; move the site to sites/${s.kecamatan}.yaml`,
        });
      }
      checkInBox(ctx, i, s, city.bbox);
    }
    if (s.tenant !== undefined && ctx.unknownTenant(s.tenant)) {
      ctx.unknownRef(ctx.sitePath(i, "tenant"), "tenant", s.tenant, ctx.tenantCandidates);
    }
    const pop = s.connection.pop;
    if (pop !== undefined && !data.sites.brokenIds.has(pop)) {
      // Thousands of sites share a handful of PoPs: a small map beats the big index for locality.
      let target = popCache.get(pop);
      if (target === undefined && !popCache.has(pop)) {
        target = ctx.site(pop);
        popCache.set(pop, target);
      }
      if (!target) ctx.unknownRef(ctx.sitePath(i, "connection", "pop"), "PoP site", pop, popIds);
      else if (target.category !== "pop") {
        ctx.report({
          ...ctx.sitePath(i, "connection", "pop"),
          message: `"${pop}" is a ${target.category} site, not a pop`,
          related: ctx.sitePath(ctx.siteIndex.get(pop) as number, "category"),
        });
      }
    }
    checkLevel(ctx, i, s);
    if (s.connection.medium === "none" && s.connection.status === "operational") {
      ctx.report({
        ...ctx.sitePath(i, "connection", "medium"),
        message: 'is "none" but the connection is operational; name the medium that carries it',
        allowed: ["fiber", "wireless", "vsat", "copper"],
      });
    }
  }
}

interface Box {
  minLat: number;
  maxLat: number;
  minLon: number;
  maxLon: number;
}

// Top level rather than a closure in checkInBox: that ran once per site, 500k closures at scale.
const inBox = (b: Box, lat: number, lon: number) =>
  lat >= b.minLat && lat <= b.maxLat && lon >= b.minLon && lon <= b.maxLon;

function checkInBox(ctx: CheckContext, i: number, s: Site, b: Box) {
  const { lat, lon } = s.location;
  if (inBox(b, lat, lon)) return;
  let hint = "";
  if (inBox(b, lon, lat)) hint = "; lat and lon look swapped";
  else if (inBox(b, -lat, lon)) hint = "; latitudes south of the equator are negative";
  ctx.report({
    ...ctx.sitePath(i, "location"),
    message: `(${lat}, ${lon}) is outside the city's bounding box lat ${b.minLat}..${b.maxLat}, lon ${b.minLon}..${b.maxLon}${hint}`,
  });
}

function checkLevel(ctx: CheckContext, i: number, s: Site): void {
  if (s.category === "school") {
    if (s.level === undefined) {
      ctx.report({
        ...ctx.sitePath(i, "level"),
        message: "is required for a school",
        allowed: [...SCHOOL_LEVELS],
      });
      return;
    }
    const wrong = WRONG_AUTHORITY[s.level];
    if (s.authority === wrong) {
      const right = wrong === "city" ? "province" : "city";
      ctx.report({
        ...ctx.sitePath(i, "authority"),
        message: `an ${s.level} is run by the ${right} (or privately), not the ${wrong}`,
        allowed: [right, "private", "central"],
      });
    }
  } else if (s.level !== undefined) {
    ctx.report({
      ...ctx.sitePath(i, "level"),
      message: `only schools have a level; this site's category is "${s.category}"`,
    });
  }
}
