// The service catalog the exporter counts. It moves into the inventory (inventory/services.yaml,
// `inventory.services`); until an inventory carries it, the catalog is empty and the service KPIs
// have no value (NaN series are not published).
import type { Inventory } from "../../model/types.ts";
import type { CatalogService } from "./services.ts";

export function catalogOf(inventory: Inventory): CatalogService[] {
  const services = (inventory as Inventory & { services?: CatalogService[] }).services;
  return services ? [...services] : [];
}
