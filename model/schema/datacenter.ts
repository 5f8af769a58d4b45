import { z } from "zod";
import { COMPONENT_CLASSES } from "../types.ts";
import { id, provenance, ref, text } from "./common.ts";

export const dcComponentSchema = z.strictObject({
  id,
  class: z.enum(COMPONENT_CLASSES),
  capacity: z.number().positive(),
  status: z.enum(["operational", "maintenance", "failed", "planned"]),
});

export const dcDemandSchema = z.strictObject({
  electricalKw: z.number().nonnegative(),
  coolingKw: z.number().nonnegative(),
  pumpLpm: z.number().nonnegative(),
  fuelBurnLph: z.number().nonnegative(),
  fuelHoursRequired: z.number().nonnegative(),
});

export const rackSchema = z.strictObject({
  id,
  zone: id,
  row: text,
  units: z.int().positive().max(60),
  powerKw: z.number().positive(),
});

export const serverSchema = z.strictObject({
  id,
  rack: ref,
  position: z.int().positive(),
  cluster: ref,
  role: z.enum(["control-plane", "worker"]),
  cpu: z.int().positive(),
  memoryGi: z.number().positive(),
  pods: z.int().positive(),
});

export const clusterSchema = z.strictObject({
  id,
  purpose: text,
  kubernetesVersion: z.string().regex(/^\d+\.\d+\.\d+$/, "must be a Kubernetes release like 1.36.1"),
});

export const dataCenterSchema = z.strictObject({
  id,
  name: text,
  site: ref,
  tier: z.literal("II"),
  demand: dcDemandSchema,
  components: z.array(dcComponentSchema),
  racks: z.array(rackSchema),
  servers: z.array(serverSchema),
  clusters: z.array(clusterSchema),
  provenance,
});
