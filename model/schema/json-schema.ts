// JSON Schema forms of the record schemas, for CRD generation (FiberSite, ...). Computed on demand
// because most callers (the loader, the benchmark) never need them. Kubernetes CRDs take OpenAPI
// 3.0 schemas, hence the default target.
import { z } from "zod";
import { citySchema } from "./city.ts";
import { dataCenterSchema } from "./datacenter.ts";
import { linkSchema } from "./links.ts";
import { serviceSchema } from "./services.ts";
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
  service: serviceSchema,
} as const;

export type RecordKind = keyof typeof RECORDS;
export type JsonSchemaTarget = "openapi-3.0" | "draft-2020-12";

export function recordJsonSchema(
  kind: RecordKind,
  target: JsonSchemaTarget = "openapi-3.0",
): Record<string, unknown> {
  return z.toJSONSchema(RECORDS[kind], { target }) as Record<string, unknown>;
}

/** Makes a JSON Schema structural as Kubernetes requires of a CRD: drops `additionalProperties` next
 * to `properties` (the API server rejects the two together, and its pruning of unknown fields already
 * does what `false` meant), and `type` inside allOf/anyOf/oneOf members (zod writes one per extra
 * string rule; the parent states the type once). */
function structural(node: unknown, inJunction = false): unknown {
  if (Array.isArray(node)) return node.map((n) => structural(n, inJunction));
  if (node === null || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  const hasProperties = "properties" in node;
  for (const [key, value] of Object.entries(node)) {
    if (key === "additionalProperties" && hasProperties) continue;
    if (key === "type" && inJunction) continue;
    out[key] = structural(value, key === "allOf" || key === "anyOf" || key === "oneOf");
  }
  return out;
}

/** The schema of a record as a CRD's openAPIV3Schema accepts it (structural, OpenAPI 3.0). */
export function recordCrdSchema(kind: RecordKind): Record<string, unknown> {
  return structural(recordJsonSchema(kind, "openapi-3.0")) as Record<string, unknown>;
}
