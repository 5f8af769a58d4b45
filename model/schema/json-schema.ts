// JSON Schema forms of the record schemas, for CRD generation (FiberSite, ...). Computed on demand
// because most callers (the loader, the benchmark) never need them. Kubernetes CRDs take OpenAPI
// 3.0 schemas, hence the default target.
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
export type JsonSchemaTarget = "openapi-3.0" | "draft-2020-12";

export function recordJsonSchema(
  kind: RecordKind,
  target: JsonSchemaTarget = "openapi-3.0",
): Record<string, unknown> {
  return z.toJSONSchema(RECORDS[kind], { target }) as Record<string, unknown>;
}
