// Ids are how everything refers to everything: a duplicate makes every reference ambiguous.
import { sortedById } from "../../sorted-by-id.ts";
import type { Origin, RecordList } from "../collect.ts";
import type { CheckContext } from "./context.ts";

function checkList<T extends { id: string }>(
  ctx: CheckContext,
  list: RecordList<T>,
  key: string,
  what: string,
): void {
  // In the id-sorted view (shared with the analyses, which sort the same list anyway) repeats sit
  // side by side, so a clean list costs one comparison per record instead of a set of every id.
  // Only a list with a repeat is gone through again, to find where each id was first.
  const sorted = sortedById(list.items);
  let repeated = false;
  for (let k = 1; k < sorted.length && !repeated; k++) {
    repeated = (sorted[k] as T).id === (sorted[k - 1] as T).id;
  }
  if (!repeated) return;
  const seen = new Set<string>();
  const repeats: number[] = [];
  for (let i = 0; i < list.items.length; i++) {
    const id = (list.items[i] as T).id;
    if (seen.has(id)) repeats.push(i);
    else seen.add(id);
  }
  const firstIndex = new Map<string, number>();
  for (let i = 0; i < list.items.length; i++) {
    const id = (list.items[i] as T).id;
    if (!firstIndex.has(id)) firstIndex.set(id, i);
  }
  for (const i of repeats) {
    const id = (list.items[i] as T).id;
    const here = list.origins.at(i) as Origin;
    const first = list.origins.at(firstIndex.get(id) ?? i) as Origin;
    ctx.report({
      file: here.file,
      path: [key, here.index, "id"],
      message: `duplicate ${what} id "${id}"; ids must be unique`,
      related: { file: first.file, path: [key, first.index, "id"] },
    });
  }
}

export function checkUniqueIds(ctx: CheckContext): void {
  const d = ctx.data;
  // Sites are the big list: their duplicates come from the index the context already built.
  for (const [later, first] of ctx.siteDuplicates) {
    const here = ctx.sitePath(later, "id");
    ctx.report({
      ...here,
      message: `duplicate site id "${d.sites.items[later]?.id}"; ids must be unique`,
      related: ctx.sitePath(first, "id"),
    });
  }
  checkList(ctx, d.links, "links", "link");
  checkList(ctx, d.tenants, "tenants", "tenant");
  checkList(ctx, d.targets, "targets", "target");
}
