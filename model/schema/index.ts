export { bboxSchema, cityFileSchema, citySchema, kecamatanSchema, kelurahanSchema } from "./city.ts";
export { fiberStatus, ID_PATTERN, id, isoDate, latLon, provenance, ref } from "./common.ts";
export {
  clusterSchema,
  dataCenterSchema,
  datacenterFileSchema,
  dcComponentSchema,
  dcDemandSchema,
  rackSchema,
  serverSchema,
} from "./datacenter.ts";
export { type JsonSchemaTarget, type RecordKind, recordCrdSchema, recordJsonSchema } from "./json-schema.ts";
export { linkSchema, linksFileSchema } from "./links.ts";
export { siteConnectionSchema, siteSchema, sitesFileSchema } from "./sites.ts";
export { targetSchema, targetsFileSchema } from "./targets.ts";
export { tenantSchema, tenantsFileSchema } from "./tenants.ts";
