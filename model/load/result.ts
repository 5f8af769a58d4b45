import type { Inventory, NetworkInventory } from "../types.ts";
import type { Problem } from "./problem.ts";

export type LoadResult = { ok: true; inventory: Inventory } | { ok: false; problems: Problem[] };

export type NetworkLoadResult =
  | { ok: true; inventory: NetworkInventory }
  | { ok: false; problems: Problem[] };
