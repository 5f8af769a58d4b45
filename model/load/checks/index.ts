import type { Collected } from "../collect.ts";
import { checkCity } from "./city.ts";
import { createContext } from "./context.ts";
import { checkDatacenter } from "./datacenter.ts";
import { checkLinks } from "./links.ts";
import { checkOperationalPaths } from "./operational-path.ts";
import { checkServices } from "./services.ts";
import { checkSites } from "./sites.ts";
import { checkTenants } from "./tenants.ts";
import { checkUniqueIds } from "./unique.ts";

/** Runs every cross-record check; problems are appended to data.problems. */
export function runChecks(data: Collected): void {
  const ctx = createContext(data);
  const ambiguous = checkUniqueIds(ctx);
  checkCity(ctx);
  checkTenants(ctx);
  checkSites(ctx);
  checkLinks(ctx);
  // With a repeated site or link id, which record a link joins is a guess (a copied site file would
  // strand every original): the duplicates are the cause to fix first.
  if (!ambiguous) checkOperationalPaths(ctx);
  checkDatacenter(ctx);
  checkServices(ctx);
}
