// Building blocks shared by every inventory schema. Ids are DNS-1123 labels because they become
// Kubernetes names (FiberSite CRs, kwok nodes) and must never need escaping.
import { z } from "zod";
import { FIBER_STATUSES } from "../types.ts";

export const ID_PATTERN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export const id = z
  .string()
  .max(63)
  .regex(ID_PATTERN, "must be a lowercase id: a-z, 0-9 and '-', starting and ending with a letter or digit");

/** A reference to another record's id. Its format is not checked here: the loader checks that the
 * record exists (and suggests the nearest id), and an existing id is well-formed by construction. */
export const ref = z.string();

export const isoDate = z.iso.date();

/** Free text a person reads (names, sources): something to read, and no control characters (a NUL,
 * a tab, an escape sequence) that would garble a report or a terminal. */
// One pattern, not two: two become an allOf in the CRD schemas, which Kubernetes refuses as not structural.
export const text = z
  .string()
  .min(1)
  .regex(
    /^[^\p{Cc}]*[^\s\p{Cc}][^\p{Cc}]*$/u,
    "must contain more than spaces, and no control characters (NUL, tab, escape, ...)",
  );

export const latLon = z.strictObject({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});

export const provenance = z.strictObject({
  source: text,
  illustrative: z.boolean(),
  asOf: isoDate,
});

export const fiberStatus = z.enum(FIBER_STATUSES);
