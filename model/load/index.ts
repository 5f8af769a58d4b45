export { formatProblems } from "./format.ts";
export { loadIpamLock } from "./ipam-lock.ts";
export { loadInventory } from "./load.ts";
export { parseInventory } from "./parse.ts";
export type { Problem } from "./problem.ts";
