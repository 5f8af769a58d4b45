import { z } from "zod";
import { TENANT_KINDS } from "../types.ts";
import { id, provenance } from "./common.ts";

export const tenantSchema = z.strictObject({
  id,
  name: z.string().min(1),
  kind: z.enum(TENANT_KINDS),
  dataRole: z.enum(["walidata", "produsen-data"]).optional(),
  provenance,
});
