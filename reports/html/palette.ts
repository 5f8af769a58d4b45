// One palette for map, legend and charts. Status hues follow a "ready → not yet" order (green, orange,
// blues, greys) that stays distinguishable for the common colour-vision deficiencies.
import type { FiberStatus, LinkTier } from "../../model/types.ts";

export const STATUS_COLOUR: Record<FiberStatus, string> = {
  operational: "#1b7837",
  underConstruction: "#e08214",
  planned: "#2166ac",
  proposed: "#92c5de",
  inactive: "#878787",
  decommissioned: "#4d4d4d",
};

export const STATUS_LABEL: Record<FiberStatus, string> = {
  operational: "Operational",
  underConstruction: "Under construction",
  planned: "Planned",
  proposed: "Proposed",
  inactive: "Inactive",
  decommissioned: "Decommissioned",
};

export const TIER_STYLE: Record<LinkTier, { colour: string; width: number; label: string }> = {
  core: { colour: "#542788", width: 4, label: "Core" },
  distribution: { colour: "#b35806", width: 2.5, label: "Distribution" },
  access: { colour: "#5e5e5e", width: 1.2, label: "Access" },
};

/** Not-yet-built links are dashed, under construction dotted, out-of-service faded. */
export function linkDash(status: FiberStatus): string | null {
  if (status === "planned" || status === "proposed") return "6 4";
  if (status === "underConstruction") return "2 3";
  return null;
}

export function linkOpacity(status: FiberStatus): number {
  return status === "inactive" || status === "decommissioned" ? 0.35 : 0.9;
}

export const TARGET_COLOUR = "#b2182b";
export const BAR_COLOUR = "#4393c3";
export const BAR_MET_COLOUR = "#1b7837";
