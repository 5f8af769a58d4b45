import { z } from "zod";
import { DEPLOYMENTS, LINK_TIERS, SPLITTER_RATIOS } from "../types.ts";
import { fiberStatus, id, provenance, ref, text } from "./common.ts";

export const linkSchema = z.strictObject({
  // Link ids are "<a>--<b>" by convention, so they may contain a double dash.
  id,
  a: ref,
  b: ref,
  tier: z.enum(LINK_TIERS),
  status: fiberStatus,
  deployment: z.enum(DEPLOYMENTS),
  fiber: text,
  // Physical bounds: the largest cables hold 6,912 fibres. No span is longer than the Earth's
  // circumference (40,075 km), but the OFDS standard's own example publishes 276,000 km for a
  // 200 km span (metres, evidently) and must still load, so the bound only refuses the absurd; the
  // optical budget then fails such a span.
  cores: z.int().positive().max(6912),
  lengthKm: z.number().positive().max(1_000_000),
  wavelengthNm: z.literal([1310, 1490, 1550]),
  splices: z.int().nonnegative(),
  connectors: z.int().nonnegative(),
  splitters: z.array(z.enum(SPLITTER_RATIOS)),
  // No optic has a budget near 100 dB (GPON C+ is 32 dB, long-haul ZR about 30 dB).
  budgetDb: z.number().positive().max(100),
  srlg: z.array(id),
  owner: ref.optional(),
  provenance,
});
