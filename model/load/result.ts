import type { Inventory } from "../types.ts";
import type { Problem } from "./problem.ts";

export type LoadResult = { ok: true; inventory: Inventory } | { ok: false; problems: Problem[] };
