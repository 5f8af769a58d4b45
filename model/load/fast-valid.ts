// A fast yes for the two record kinds that come by the hundred thousand (sites and links). zod
// checks each record in about 1.2 µs and builds a copy the loader throws away; at 500k sites and
// 500k links that is over a second, and garbage. These predicates accept only records that the zod
// schemas (model/schema/sites.ts, links.ts) certainly accept, checked field by field in the same
// terms; anything else, including every doubtful case, returns false and goes through zod, which
// then reports the problems as before. So a true here never changes a result, a false only costs
// time. Tests hold each predicate against zod on valid and mutated records and pin the schemas'
// JSON Schema, so a schema change cannot pass unnoticed: it must be mirrored here.
import { ID_PATTERN, isoDate } from "../schema/common.ts";
import {
  AUTHORITIES,
  CONNECTION_MEDIA,
  DEPLOYMENTS,
  FIBER_STATUSES,
  LINK_TIERS,
  SCHOOL_LEVELS,
  SITE_CATEGORIES,
  SPLITTER_RATIOS,
} from "../types.ts";

type Obj = Record<string, unknown>;

const set = (values: readonly unknown[]) => new Set<unknown>(values);
const SITE_KEYS = set([
  "id",
  "name",
  "category",
  "level",
  "authority",
  "tenant",
  "kecamatan",
  "kelurahan",
  "location",
  "connection",
  "provenance",
]);
const CONNECTION_KEYS = set(["status", "medium", "access", "pop"]);
const LOCATION_KEYS = set(["lat", "lon"]);
const PROVENANCE_KEYS = set(["source", "illustrative", "asOf"]);
const LINK_KEYS = set([
  "id",
  "a",
  "b",
  "tier",
  "status",
  "deployment",
  "fiber",
  "cores",
  "lengthKm",
  "wavelengthNm",
  "splices",
  "connectors",
  "splitters",
  "budgetDb",
  "srlg",
  "owner",
  "provenance",
]);
const CATEGORIES = set(SITE_CATEGORIES);
const LEVELS = set(SCHOOL_LEVELS);
const AUTHORITY = set(AUTHORITIES);
const STATUSES = set(FIBER_STATUSES);
const MEDIA = set(CONNECTION_MEDIA);
const ACCESS = set(["p2p", "gpon"]);
const TIERS = set(LINK_TIERS);
const DEPLOYMENT = set(DEPLOYMENTS);
const RATIOS = set(SPLITTER_RATIOS);
const WAVELENGTHS = set([1310, 1490, 1550]);

/** A plain mapping holding no key outside `allowed` (zod's strictObject). */
function strict(x: unknown, allowed: Set<unknown>): x is Obj {
  if (typeof x !== "object" || x === null || Object.getPrototypeOf(x) !== Object.prototype) return false;
  for (const key in x) if (!allowed.has(key)) return false;
  return true;
}

const isId = (x: unknown) => typeof x === "string" && x.length <= 63 && ID_PATTERN.test(x);
const isText = (x: unknown) => typeof x === "string" && x.length >= 1;
const isString = (x: unknown) => typeof x === "string";
const optional = (x: unknown, ok: (x: unknown) => boolean) => x === undefined || ok(x);
/** z.number(): finite numbers only. */
const isNumber = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);
/** z.int(): safe integers only. */
const isInt = (x: unknown): x is number => Number.isSafeInteger(x);

/** Dates seen valid once: records repeat a handful of `asOf` values, zod checks each one once. */
const goodDates = new Set<string>();
function isDate(x: unknown): boolean {
  if (typeof x !== "string") return false;
  if (goodDates.has(x)) return true;
  if (!isoDate.safeParse(x).success) return false;
  if (goodDates.size < 10_000) goodDates.add(x);
  return true;
}

function isProvenance(x: unknown): boolean {
  return (
    strict(x, PROVENANCE_KEYS) && isText(x.source) && typeof x.illustrative === "boolean" && isDate(x.asOf)
  );
}

/** True only when siteSchema.safeParse(x) certainly succeeds. */
export function surelyValidSite(x: unknown): boolean {
  if (!strict(x, SITE_KEYS)) return false;
  const { location: l, connection: c } = x;
  return (
    isId(x.id) &&
    isText(x.name) &&
    CATEGORIES.has(x.category) &&
    optional(x.level, (v) => LEVELS.has(v)) &&
    AUTHORITY.has(x.authority) &&
    optional(x.tenant, isString) &&
    isString(x.kecamatan) &&
    optional(x.kelurahan, isString) &&
    strict(l, LOCATION_KEYS) &&
    isNumber(l.lat) &&
    l.lat >= -90 &&
    l.lat <= 90 &&
    isNumber(l.lon) &&
    l.lon >= -180 &&
    l.lon <= 180 &&
    strict(c, CONNECTION_KEYS) &&
    STATUSES.has(c.status) &&
    MEDIA.has(c.medium) &&
    optional(c.access, (v) => ACCESS.has(v)) &&
    optional(c.pop, isString) &&
    isProvenance(x.provenance)
  );
}

function every(x: unknown, ok: (v: unknown) => boolean): boolean {
  if (!Array.isArray(x)) return false;
  for (const v of x) if (!ok(v)) return false;
  return true;
}

/** True only when linkSchema.safeParse(x) certainly succeeds. */
export function surelyValidLink(x: unknown): boolean {
  if (!strict(x, LINK_KEYS)) return false;
  return (
    isId(x.id) &&
    isString(x.a) &&
    isString(x.b) &&
    TIERS.has(x.tier) &&
    STATUSES.has(x.status) &&
    DEPLOYMENT.has(x.deployment) &&
    isText(x.fiber) &&
    isInt(x.cores) &&
    x.cores > 0 &&
    isNumber(x.lengthKm) &&
    x.lengthKm > 0 &&
    WAVELENGTHS.has(x.wavelengthNm) &&
    isInt(x.splices) &&
    x.splices >= 0 &&
    isInt(x.connectors) &&
    x.connectors >= 0 &&
    every(x.splitters, (v) => RATIOS.has(v)) &&
    isNumber(x.budgetDb) &&
    x.budgetDb > 0 &&
    every(x.srlg, isId) &&
    optional(x.owner, isString) &&
    isProvenance(x.provenance)
  );
}
