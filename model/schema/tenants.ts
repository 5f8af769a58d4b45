import { z } from "zod";
import { TENANT_KINDS } from "../types.ts";
import { id, provenance, text } from "./common.ts";

export const tenantSchema = z.strictObject({
  id,
  name: text,
  kind: z.enum(TENANT_KINDS),
  dataRole: z.enum(["walidata", "produsen-data"]).optional(),
  provenance,
});
