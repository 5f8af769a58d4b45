// The Command Center page: one self-contained HTML document (inline CSS and script, no online
// resources) served by the exporter at /. Filled in by the page commit; for now a title.
import type { Inventory } from "../../model/types.ts";

export { networkView } from "./network.ts";

export function commandCenterPage(inventory: Inventory): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${inventory.city.name} Command Center</title></head><body><h1>${inventory.city.name} Command Center</h1></body></html>`;
}
