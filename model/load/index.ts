export { formatProblems } from "./format.ts";
export { loadIpamLock } from "./ipam-lock.ts";
export { loadInventory, loadNetworkInventory } from "./load.ts";
export { parseInventory, parseNetworkInventory } from "./parse.ts";
export type { Problem } from "./problem.ts";
