// JSON Schema forms of the record schemas, for CRD generation (FiberSite, ...). Computed on demand
// because most callers (the loader, the benchmark) never need them.
import { z } from "zod";
import { citySchema } from "./city.ts";
import { dataCenterSchema } from "./datacenter.ts";
import { linkSchema } from "./links.ts";
import { siteSchema } from "./sites.ts";
import { targetSchema } from "./targets.ts";
import { tenantSchema } from "./tenants.ts";

const RECORDS = {
  city: citySchema,
  tenant: tenantSchema,
  target: targetSchema,
  site: siteSchema,
  link: linkSchema,
  datacenter: dataCenterSchema,
} as const;

export type RecordKind = keyof typeof RECORDS;

export function recordJsonSchema(kind: RecordKind): Record<string, unknown> {
  return z.toJSONSchema(RECORDS[kind], { target: "draft-2020-12" }) as Record<string, unknown>;
}
