// Stack outputs a reviewer reads beside the diff: coverage against each roadmap target, per
// category, and the sites by status. Plain numbers, so a one-site change shows as a changed output.
import type { CoverageResult } from "../model/analyses/coverage.ts";
import { FIBER_STATUSES, type Site } from "../model/types.ts";

const round = (r: number | null) => (r === null ? null : Math.round(r * 10_000) / 10_000);

export function coverageOutput(result: CoverageResult) {
  return Object.fromEntries(
    result.targets.map((t) => [
      t.targetId,
      {
        by: t.by,
        required: t.all.target,
        covered: t.all.covered,
        inScope: t.all.inScope,
        ratio: round(t.all.ratio),
        met: t.all.meetsTarget,
        byCategory: Object.fromEntries(
          t.byCategory.map((c) => [
            c.category,
            { covered: c.covered, inScope: c.inScope, ratio: round(c.ratio), met: c.meetsTarget },
          ]),
        ),
      },
    ]),
  );
}

export function sitesByStatus(sites: readonly Site[]): Record<string, number> {
  const counts = Object.fromEntries(FIBER_STATUSES.map((s) => [s, 0])) as Record<string, number>;
  for (const s of sites) counts[s.connection.status] = (counts[s.connection.status] ?? 0) + 1;
  return counts;
}
