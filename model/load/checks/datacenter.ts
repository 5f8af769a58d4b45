// The data center sits on a core site, and its servers sit in racks and clusters that exist, at
// rack positions that exist and are free. Server ids become node names, so they must be unique.
import type { CheckContext } from "./context.ts";

export function checkDatacenter(ctx: CheckContext): void {
  const dc = ctx.data.datacenter;
  if (!dc) return;
  const { file, value } = dc;
  const at = (...path: (string | number)[]) => ({ file, path: ["datacenter", ...path] });

  if (!ctx.data.unreadable.has("sites") && !ctx.data.sites.brokenIds.has(value.site)) {
    const site = ctx.site(value.site);
    const cores = () => ctx.data.sites.items.filter((s) => s.category === "core").map((s) => s.id);
    if (!site) ctx.unknownRef(at("site"), "core site", value.site, cores);
    else if (site.category !== "core") {
      ctx.report({
        ...at("site"),
        message: `"${value.site}" is a ${site.category} site; a data center sits on a core`,
        related: ctx.sitePath(ctx.siteIndex.get(value.site) as number, "category"),
      });
    }
  }

  for (const [key, list] of [
    ["components", value.components],
    ["racks", value.racks],
    ["servers", value.servers],
    ["clusters", value.clusters],
  ] as const) {
    const seen = new Map<string, number>();
    list.forEach((item, i) => {
      const first = seen.get(item.id);
      if (first === undefined) seen.set(item.id, i);
      else
        ctx.report({
          ...at(key, i, "id"),
          message: `duplicate id "${item.id}"`,
          related: at(key, first, "id"),
        });
    });
  }

  const racks = new Map(value.racks.map((r) => [r.id, r]));
  const clusterIds = value.clusters.map((c) => c.id);
  const rackIds = value.racks.map((r) => r.id);
  const taken = new Map<string, number>();
  value.servers.forEach((s, i) => {
    const rack = racks.get(s.rack);
    if (!rack) ctx.unknownRef(at("servers", i, "rack"), "rack", s.rack, () => rackIds, rackIds);
    else if (s.position > rack.units) {
      ctx.report({
        ...at("servers", i, "position"),
        message: `is ${s.position}, but rack "${rack.id}" has ${rack.units} units`,
      });
    } else {
      const slot = `${s.rack}/${s.position}`;
      const other = taken.get(slot);
      if (other !== undefined) {
        ctx.report({
          ...at("servers", i, "position"),
          message: `position ${s.position} in rack "${s.rack}" is already taken`,
          related: at("servers", other, "position"),
        });
      } else taken.set(slot, i);
    }
    if (!clusterIds.includes(s.cluster)) {
      ctx.unknownRef(at("servers", i, "cluster"), "cluster", s.cluster, () => clusterIds, clusterIds);
    }
  });
}
