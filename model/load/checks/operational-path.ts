// The rule behind the coverage number: a site that claims `operational` fiber must be joined to an
// operational core by operational links through operational sites. One breadth-first search from
// all cores at once, so the check is linear in sites + links.
import type { Link, Site } from "../../types.ts";
import type { CheckContext } from "./context.ts";

const MAX_LISTED_LINKS = 4;

export function checkOperationalPaths(ctx: CheckContext): void {
  const { data } = ctx;
  // With broken records or unreadable files the graph is incomplete and every site behind the gap
  // would be reported; the schema problems already say what to fix first.
  if (data.sites.brokenIds.size > 0 || data.links.brokenIds.size > 0) return;
  if (data.unreadable.has("sites") || data.unreadable.has("links")) return;

  const sites = data.sites.items;
  const n = sites.length;
  const up = new Uint8Array(n);
  for (let i = 0; i < n; i++) if ((sites[i] as Site).connection.status === "operational") up[i] = 1;

  // Adjacency in compressed form (offsets + targets) keeps 500k sites cheap on memory.
  const links = data.links.items;
  const ends = new Int32Array(links.length * 2).fill(-1);
  const degree = new Int32Array(n + 1);
  for (let j = 0; j < links.length; j++) {
    const l = links[j] as Link;
    if (l.status !== "operational") continue;
    const a = ctx.linkEnds[2 * j] ?? -1;
    const b = ctx.linkEnds[2 * j + 1] ?? -1;
    if (a < 0 || b < 0 || !up[a] || !up[b]) continue;
    ends[2 * j] = a;
    ends[2 * j + 1] = b;
    degree[a] = (degree[a] ?? 0) + 1;
    degree[b] = (degree[b] ?? 0) + 1;
  }
  const offset = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offset[i + 1] = (offset[i] ?? 0) + (degree[i] ?? 0);
  const fill = offset.slice(0, n);
  const next = new Int32Array(offset[n] ?? 0);
  for (let j = 0; j < links.length; j++) {
    const a = ends[2 * j] ?? -1;
    const b = ends[2 * j + 1] ?? -1;
    if (a < 0 || b < 0) continue;
    const fa = fill[a] ?? 0;
    const fb = fill[b] ?? 0;
    next[fa] = b;
    next[fb] = a;
    fill[a] = fa + 1;
    fill[b] = fb + 1;
  }

  const reached = new Uint8Array(n);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < n; i++) {
    if (up[i] && (sites[i] as Site).category === "core") {
      reached[i] = 1;
      queue[tail++] = i;
    }
  }
  while (head < tail) {
    const v = queue[head++] ?? 0;
    for (let k = offset[v] ?? 0, end = offset[v + 1] ?? 0; k < end; k++) {
      const w = next[k] ?? 0;
      if (!reached[w]) {
        reached[w] = 1;
        queue[tail++] = w;
      }
    }
  }

  let unreachedIds: Set<string> | undefined;
  for (let i = 0; i < n; i++) {
    const s = sites[i] as Site;
    // Only fiber needs the fiber path; an operational wireless or VSAT site is honest without one.
    if (!up[i] || reached[i] || s.connection.medium !== "fiber") continue;
    unreachedIds ??= new Set();
    unreachedIds.add(s.id);
  }
  if (!unreachedIds) return;
  // Second pass only when something failed: name each stranded site's own links and their states,
  // and point at each of them, since the fix may be in the link's file rather than the site's.
  const own = new Map<string, number[]>();
  for (let j = 0; j < links.length; j++) {
    const l = links[j] as Link;
    for (const end of [l.a, l.b]) {
      if (!unreachedIds.has(end)) continue;
      const list = own.get(end) ?? [];
      if (list.length < MAX_LISTED_LINKS) list.push(j);
      own.set(end, list);
    }
  }
  for (let i = 0; i < n; i++) {
    const s = sites[i] as Site;
    if (!unreachedIds.has(s.id)) continue;
    const mine = own.get(s.id) ?? [];
    const named = mine.map((j) => `${(links[j] as Link).id} (${(links[j] as Link).status})`);
    const detail = mine.length > 0 ? `its links: ${named.join(", ")}` : "it has no links";
    const [first, ...more] = mine.map((j) => ctx.linkPath(j, "status"));
    ctx.report({
      ...ctx.sitePath(i, "connection", "status"),
      message: `is operational, but no path of operational links through operational sites joins it to an operational core; ${detail}`,
      ...(first ? { related: first } : {}),
      ...(more.length > 0 ? { alsoSee: more } : {}),
    });
  }
}
