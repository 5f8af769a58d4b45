// Ids are how everything refers to everything: a duplicate makes every reference ambiguous.
import type { Origin, RecordList } from "../collect.ts";
import type { CheckContext } from "./context.ts";

function checkList<T extends { id: string }>(
  ctx: CheckContext,
  list: RecordList<T>,
  key: string,
  what: string,
): boolean {
  let repeated = false;
  const firstIndex = new Map<string, number>();
  for (let i = 0; i < list.items.length; i++) {
    const id = (list.items[i] as T).id;
    const first = firstIndex.get(id);
    if (first === undefined) {
      firstIndex.set(id, i);
      continue;
    }
    repeated = true;
    const here = list.origins.at(i) as Origin;
    const there = list.origins.at(first) as Origin;
    ctx.report({
      file: here.file,
      path: [key, here.index, "id"],
      message: `duplicate ${what} id "${id}"; ids must be unique`,
      related: { file: there.file, path: [key, there.index, "id"] },
      leads: true,
    });
  }
  return repeated;
}

/** Reports every repeated id; true when there was any (references are then ambiguous). */
export function checkUniqueIds(ctx: CheckContext): boolean {
  const d = ctx.data;
  // Sites are the big list: their duplicates come from the index the context already built.
  for (const [later, first] of ctx.siteDuplicates) {
    const here = ctx.sitePath(later, "id");
    ctx.report({
      ...here,
      message: `duplicate site id "${d.sites.items[later]?.id}"; ids must be unique`,
      related: ctx.sitePath(first, "id"),
      leads: true,
    });
  }
  const links = checkList(ctx, d.links, "links", "link");
  const tenants = checkList(ctx, d.tenants, "tenants", "tenant");
  const targets = checkList(ctx, d.targets, "targets", "target");
  const services = checkList(ctx, d.services, "services", "service");
  return ctx.siteDuplicates.length > 0 || links || tenants || targets || services;
}
