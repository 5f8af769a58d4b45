// What a dashboard must be to import into Grafana: the parts of its JSON model these dashboards use,
// checked with zod, plus the rules zod cannot say alone (unique panel ids, panels inside the 24-unit
// grid and not overlapping).
import { z } from "zod";
import type { Dashboard } from "./model.ts";

const datasource = z.strictObject({ type: z.literal("prometheus"), uid: z.string().min(1) });

const panel = z.strictObject({
  id: z.int().positive(),
  type: z.enum(["stat", "gauge", "timeseries", "bargauge", "table"]),
  title: z.string().min(1),
  description: z.string().optional(),
  gridPos: z.strictObject({
    x: z.int().min(0).max(23),
    y: z.int().min(0),
    w: z.int().min(1).max(24),
    h: z.int().min(1),
  }),
  datasource,
  targets: z
    .array(
      z.strictObject({
        refId: z.string().regex(/^[A-Z]$/),
        expr: z.string().min(1),
        legendFormat: z.string().optional(),
        instant: z.boolean().optional(),
        datasource,
      }),
    )
    .min(1),
  fieldConfig: z.strictObject({
    defaults: z.record(z.string(), z.unknown()),
    overrides: z.array(z.unknown()),
  }),
  options: z.record(z.string(), z.unknown()),
});

export const dashboardSchema = z.strictObject({
  uid: z.string().regex(/^[a-z0-9-]{1,40}$/, "Grafana uids are at most 40 characters"),
  title: z.string().min(1),
  tags: z.array(z.string()),
  schemaVersion: z.literal(39),
  version: z.int(),
  editable: z.boolean(),
  time: z.strictObject({ from: z.string(), to: z.string() }),
  refresh: z.string(),
  timezone: z.string(),
  templating: z.strictObject({ list: z.array(z.unknown()) }),
  annotations: z.strictObject({ list: z.array(z.unknown()) }),
  panels: z.array(panel).min(1),
});

/** Every problem of one dashboard, as "uid: where: what". Empty when it is valid. */
export function dashboardProblems(d: Dashboard): string[] {
  const parsed = dashboardSchema.safeParse(d);
  if (!parsed.success) return parsed.error.issues.map((i) => `${d.uid}: ${i.path.join(".")}: ${i.message}`);
  const problems: string[] = [];
  const ids = new Set<number>();
  for (const p of d.panels) {
    if (ids.has(p.id)) problems.push(`${d.uid}: panel id ${p.id} is used twice`);
    ids.add(p.id);
    if (p.gridPos.x + p.gridPos.w > 24) problems.push(`${d.uid}: panel ${p.id} runs past the 24-unit row`);
    const refs = p.targets.map((t) => t.refId);
    if (new Set(refs).size !== refs.length) problems.push(`${d.uid}: panel ${p.id} repeats a refId`);
  }
  for (const a of d.panels) {
    for (const b of d.panels) {
      if (a.id >= b.id) continue;
      const apart =
        a.gridPos.x + a.gridPos.w <= b.gridPos.x ||
        b.gridPos.x + b.gridPos.w <= a.gridPos.x ||
        a.gridPos.y + a.gridPos.h <= b.gridPos.y ||
        b.gridPos.y + b.gridPos.h <= a.gridPos.y;
      if (!apart) problems.push(`${d.uid}: panels ${a.id} and ${b.id} overlap`);
    }
  }
  return problems;
}
