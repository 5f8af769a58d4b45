// The one sentence every output leads with: where the headline target stands.
import { percent } from "./format.ts";
import type { TargetView } from "./view.ts";

export function targetLine(target: TargetView | null): string {
  if (!target) return "No fiber-coverage target in the inventory.";
  const phase = target.phase ? ` (phase ${target.phase})` : "";
  const status = target.met
    ? "MET"
    : `NOT MET: ${target.gap} more site${target.gap === 1 ? "" : "s"} to connect`;
  return (
    `Target ${target.id}${phase}: ${percent(target.ratio, 0)} of ${target.categories.join(", ")} by ${target.by}; ` +
    `now ${percent(target.achieved.ratio)} (${target.achieved.covered}/${target.achieved.total}), ${status}.`
  );
}
