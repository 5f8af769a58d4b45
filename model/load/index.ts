export { formatProblem, formatProblems } from "./format.ts";
export { type IpamLockResult, loadIpamLock } from "./ipam-lock.ts";
export { loadInventory } from "./load.ts";
export { type ParseOptions, parseInventory } from "./parse.ts";
export { formatPath, type PathSegment, type Problem } from "./problem.ts";
export type { LoadResult } from "./result.ts";
