// Link ends and owners exist, a link joins two different sites, a link in links/<tier>.yaml has that
// tier, and a link cannot be in service while one of its ends is not: the network (and with it
// coverage and optics) counts only operational links between operational sites.
import { LINK_TIERS, type Link } from "../../types.ts";
import { baseName } from "../files.ts";
import type { CheckContext } from "./context.ts";

export function checkLinks(ctx: CheckContext): void {
  const { data } = ctx;
  const siteIds = () => ctx.siteIndex.keys();
  const sitesKnown = !data.unreadable.has("sites");
  const links = data.links.items;
  for (let i = 0; i < links.length; i++) {
    const l = links[i] as Link;
    for (const end of ["a", "b"] as const) {
      const id = l[end];
      const index = ctx.linkEnds[2 * i + (end === "a" ? 0 : 1)] ?? -1;
      const site = index < 0 ? undefined : data.sites.items[index];
      if (!site && (!sitesKnown || data.sites.brokenIds.has(id))) continue;
      if (!site) ctx.unknownRef(ctx.linkPath(i, end), "site", id, siteIds);
      else if (l.status === "operational" && site.connection.status !== "operational") {
        ctx.report({
          ...ctx.linkPath(i, "status"),
          message: `is operational, but its end ${end} "${id}" is ${site.connection.status}`,
          related: ctx.sitePath(index, "connection", "status"),
        });
      }
    }
    if (l.a === l.b)
      ctx.report({
        ...ctx.linkPath(i, "b"),
        message: `is the same site as a ("${l.a}"); a link joins two sites`,
      });
    if (l.owner !== undefined && ctx.unknownTenant(l.owner)) {
      ctx.unknownRef(ctx.linkPath(i, "owner"), "tenant", l.owner, ctx.tenantCandidates);
    }
    const fileTier = baseName(data.links.origins.fileOf(i) ?? "");
    if ((LINK_TIERS as readonly string[]).includes(fileTier) && l.tier !== fileTier) {
      ctx.report({
        ...ctx.linkPath(i, "tier"),
        message: `is "${l.tier}" but this file holds ${fileTier} links; move the link to links/${l.tier}.yaml`,
      });
    }
  }
}
