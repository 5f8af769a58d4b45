// Satu Data (Perpres 39/2019) names one walidata per region; two would mean two masters of the data.
import type { CheckContext } from "./context.ts";

export function checkTenants(ctx: CheckContext): void {
  const { items, origins } = ctx.data.tenants;
  let first: number | undefined;
  for (let i = 0; i < items.length; i++) {
    if (items[i]?.dataRole !== "walidata") continue;
    const o = origins.at(i);
    if (!o) continue;
    if (first === undefined) {
      first = i;
      continue;
    }
    const f = origins.at(first);
    ctx.report({
      file: o.file,
      path: ["tenants", o.index, "dataRole"],
      message: `"${items[i]?.id}" is a second walidata; a region has one walidata (Perpres 39/2019), the others are produsen-data`,
      allowed: ["produsen-data"],
      ...(f ? { related: { file: f.file, path: ["tenants", f.index, "dataRole"] } } : {}),
    });
  }
}
