// Compile-time proof that what the schemas accept is what model/types.ts promises: if a schema
// drifts from the contract, `tsc --noEmit` fails here rather than in some analysis far away.
import type { z } from "zod";
import type { City, DataCenter, Link, Service, Site, Target, Tenant } from "../types.ts";
import type { citySchema } from "./city.ts";
import type { dataCenterSchema } from "./datacenter.ts";
import type { linkSchema } from "./links.ts";
import type { serviceSchema } from "./services.ts";
import type { siteSchema } from "./sites.ts";
import type { targetSchema } from "./targets.ts";
import type { tenantSchema } from "./tenants.ts";

type Assignable<From, To> = [From] extends [To] ? true : false;
type Expect<T extends true> = T;

export type SchemaMatchesContract = [
  Expect<Assignable<z.infer<typeof citySchema>, City>>,
  Expect<Assignable<z.infer<typeof tenantSchema>, Tenant>>,
  Expect<Assignable<z.infer<typeof targetSchema>, Target>>,
  Expect<Assignable<z.infer<typeof siteSchema>, Site>>,
  Expect<Assignable<z.infer<typeof linkSchema>, Link>>,
  Expect<Assignable<z.infer<typeof dataCenterSchema>, DataCenter>>,
  Expect<Assignable<z.infer<typeof serviceSchema>, Service>>,
];
