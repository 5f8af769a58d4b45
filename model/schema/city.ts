import { z } from "zod";
import { id, latLon, provenance, text } from "./common.ts";

export const kelurahanSchema = z.strictObject({ id, name: text });

export const kecamatanSchema = z.strictObject({
  id,
  code: z.string().regex(/^74\.72\.\d{2}$/, "must be a Kemendagri kecamatan code like 74.72.02"),
  name: text,
  areaKm2: z.number().positive(),
  centroid: latLon,
  kelurahan: z.array(kelurahanSchema).min(1),
});

export const bboxSchema = z.strictObject({
  minLat: z.number().min(-90).max(90),
  maxLat: z.number().min(-90).max(90),
  minLon: z.number().min(-180).max(180),
  maxLon: z.number().min(-180).max(180),
});

export const citySchema = z.strictObject({
  code: z.string().regex(/^\d{2}\.\d{2}$/, "must be a Kemendagri city code like 74.72"),
  name: text,
  timezone: text,
  bbox: bboxSchema,
  kecamatan: z.array(kecamatanSchema).min(1),
  provenance,
});

export const cityFileSchema = z.strictObject({ city: citySchema });
