// First stage of loading: every file is read and checked against its schema record by record, so
// that one bad site costs one problem and the other sites still take part in the cross-checks.
import type { z } from "zod";
import { cityFileSchema } from "../schema/city.ts";
import { dataCenterSchema } from "../schema/datacenter.ts";
import { linkSchema } from "../schema/links.ts";
import { serviceSchema } from "../schema/services.ts";
import { siteSchema } from "../schema/sites.ts";
import { targetSchema } from "../schema/targets.ts";
import { tenantSchema } from "../schema/tenants.ts";
import type { City, DataCenter, Link, Service, Site, Target, Tenant } from "../types.ts";
import { describeValue } from "./describe.ts";
import type { FileRole } from "./files.ts";
import type { ProblemDraft } from "./problem.ts";
import { issuesToDrafts } from "./zod-issues.ts";

/** Where a list record came from: its file and its index in that file's list. */
export interface Origin {
  file: string;
  index: number;
}

/** Where each record of a list came from, kept as two flat arrays (the file name is shared by every
 * record of a file): at 500k sites and links an object per record was a million more objects for the
 * collector to copy. `at` makes the Origin when a problem needs it. */
export class Origins {
  private readonly files: string[] = [];
  private readonly indexes: number[] = [];

  push(file: string, index: number): void {
    this.files.push(file);
    this.indexes.push(index);
  }

  /** The file of record i, without making an Origin. */
  fileOf(i: number): string | undefined {
    return this.files[i];
  }

  at(i: number): Origin | undefined {
    const file = this.files[i];
    return file === undefined ? undefined : { file, index: this.indexes[i] as number };
  }
}

export interface RecordList<T> {
  items: T[];
  origins: Origins;
  /** Ids of records that failed their schema: references to them are not reported again. */
  brokenIds: Set<string>;
}

export interface Collected {
  city?: { file: string; value: City };
  datacenter?: { file: string; value: DataCenter };
  tenants: RecordList<Tenant>;
  targets: RecordList<Target>;
  sites: RecordList<Site>;
  links: RecordList<Link>;
  services: RecordList<Service>;
  /** True when some file of the role could not be read at all (syntax or shape). */
  unreadable: Set<FileRole>;
  problems: ProblemDraft[];
}

function emptyList<T>(): RecordList<T> {
  return { items: [], origins: new Origins(), brokenIds: new Set() };
}

export function emptyCollected(): Collected {
  return {
    tenants: emptyList(),
    targets: emptyList(),
    sites: emptyList(),
    links: emptyList(),
    services: emptyList(),
    unreadable: new Set(),
    problems: [],
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The file must be a mapping with exactly one key, `key`; returns its value or reports why not. */
function topLevel(file: string, data: unknown, key: string, out: ProblemDraft[]): unknown {
  if (!isPlainObject(data)) {
    out.push({
      file,
      path: [],
      message: `expected a mapping with the key "${key}", found ${describeValue(data)}`,
    });
    return undefined;
  }
  for (const other of Object.keys(data)) {
    if (other !== key)
      out.push({ file, path: [other], message: `unknown top-level key "${other}"`, allowed: [key] });
  }
  if (!(key in data)) {
    out.push({ file, path: [], message: `missing the top-level key "${key}"` });
    return undefined;
  }
  return data[key];
}

function collectList<T>(
  file: string,
  data: unknown,
  key: string,
  schema: z.ZodType<T>,
  list: RecordList<T>,
  out: ProblemDraft[],
): boolean {
  const value = topLevel(file, data, key, out);
  if (value === undefined) return false;
  if (!Array.isArray(value)) {
    out.push({ file, path: [key], message: `expected a list, found ${describeValue(value)}` });
    return false;
  }
  for (let i = 0; i < value.length; i++) {
    const raw: unknown = value[i];
    const parsed = schema.safeParse(raw);
    if (parsed.success) {
      // The schemas are strict and transform nothing, so the validated input equals zod's copy. Keeping
      // the input (already long-lived) and dropping the young copy halves what the GC must promote.
      list.items.push(raw as T);
      list.origins.push(file, i);
    } else {
      for (const d of issuesToDrafts(file, raw, schema, parsed.error.issues)) {
        d.path = [key, i, ...d.path];
        out.push(d);
      }
      const id = isPlainObject(raw) ? raw.id : undefined;
      if (typeof id === "string") list.brokenIds.add(id);
    }
  }
  return true;
}

const LIST_SCHEMAS: Readonly<Record<Exclude<FileRole, "city" | "datacenter">, z.ZodType>> = {
  tenants: tenantSchema,
  targets: targetSchema,
  sites: siteSchema,
  links: linkSchema,
  services: serviceSchema,
};

export function collectFile(role: FileRole, file: string, data: unknown, into: Collected): void {
  const out = into.problems;
  if (role === "city") {
    const parsed = cityFileSchema.safeParse(data);
    if (parsed.success) into.city = { file, value: parsed.data.city };
    else {
      out.push(...issuesToDrafts(file, data, cityFileSchema, parsed.error.issues));
      into.unreadable.add(role);
    }
    return;
  }
  if (role === "datacenter") {
    const value = topLevel(file, data, "datacenter", out);
    const parsed = dataCenterSchema.safeParse(value);
    if (value !== undefined && parsed.success) into.datacenter = { file, value: parsed.data };
    else {
      if (value !== undefined && !parsed.success) {
        for (const d of issuesToDrafts(file, value, dataCenterSchema, parsed.error.issues)) {
          d.path = ["datacenter", ...d.path];
          out.push(d);
        }
      }
      into.unreadable.add(role);
    }
    return;
  }
  // The list files: each record against its list's schema (the key of the file is the role's name).
  const ok = collectList(file, data, role, LIST_SCHEMAS[role], into[role] as RecordList<unknown>, out);
  if (!ok) into.unreadable.add(role);
}
