import { z } from "zod";
import { AUTHORITIES, CONNECTION_MEDIA, SCHOOL_LEVELS, SITE_CATEGORIES } from "../types.ts";
import { fiberStatus, id, latLon, provenance, ref, text } from "./common.ts";

export const siteConnectionSchema = z.strictObject({
  status: fiberStatus,
  medium: z.enum(CONNECTION_MEDIA),
  access: z.enum(["p2p", "gpon"]).optional(),
  pop: ref.optional(),
});

// Rules that span fields or records (level only on schools, tenant and PoP exist, operational path)
// live in model/load/checks so each problem can name the record and suggest the nearest valid id.
export const siteSchema = z.strictObject({
  id,
  name: text,
  category: z.enum(SITE_CATEGORIES),
  level: z.enum(SCHOOL_LEVELS).optional(),
  authority: z.enum(AUTHORITIES),
  tenant: ref.optional(),
  kecamatan: ref,
  kelurahan: ref.optional(),
  location: latLon,
  connection: siteConnectionSchema,
  provenance,
});
