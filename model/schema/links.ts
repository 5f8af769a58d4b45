import { z } from "zod";
import { DEPLOYMENTS, LINK_TIERS, SPLITTER_RATIOS } from "../types.ts";
import { fiberStatus, id, provenance, ref } from "./common.ts";

export const linkSchema = z.strictObject({
  // Link ids are "<a>--<b>" by convention, so they may contain a double dash.
  id,
  a: ref,
  b: ref,
  tier: z.enum(LINK_TIERS),
  status: fiberStatus,
  deployment: z.enum(DEPLOYMENTS),
  fiber: z.string().min(1),
  cores: z.int().positive(),
  lengthKm: z.number().positive(),
  wavelengthNm: z.literal([1310, 1490, 1550]),
  splices: z.int().nonnegative(),
  connectors: z.int().nonnegative(),
  splitters: z.array(z.enum(SPLITTER_RATIOS)),
  budgetDb: z.number().positive(),
  srlg: z.array(id),
  owner: ref.optional(),
  provenance,
});
