import { z } from "zod";
import { AUTHORITIES, SITE_CATEGORIES } from "../types.ts";
import { id, isoDate, provenance, text } from "./common.ts";

export const targetSchema = z.strictObject({
  id,
  measure: z.enum(["fiber-coverage"]),
  categories: z.array(z.enum(SITE_CATEGORIES)).min(1),
  authorities: z.array(z.enum(AUTHORITIES)).min(1),
  ratio: z.number().gt(0).max(1),
  by: isoDate,
  phase: text.optional(),
  provenance,
});
