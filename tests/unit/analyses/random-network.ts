// Seeded random networks for property tests: a few cores, PoPs and sites joined by random links
// with random SRLG tags, some of them not operational.
import type { Inventory, Link, Site } from "../../../model/types.ts";
import { core, inventory, link, pop, site } from "./fixtures.ts";

/** mulberry32: small, fast and well distributed. */
export function prng(seed: number): () => number {
  let x = seed | 0;
  return () => {
    x = (x + 0x6d2b79f5) | 0;
    let t = Math.imul(x ^ (x >>> 15), 1 | x);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomNetwork(seed: number, nodes: number, edges: number): Inventory {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const sites: Site[] = [];
  for (let i = 0; i < nodes; i++) {
    const id = `n${i.toString().padStart(3, "0")}`;
    const r = rand();
    sites.push(r < 0.12 ? core(id) : r < 0.4 ? pop(id) : site(id));
  }
  const links: Link[] = [];
  const tags = ["duct-1", "duct-2", "pole-a", "pole-b", "bridge-x"];
  for (let e = 0; e < edges; e++) {
    const a = pick(sites).id;
    const b = pick(sites).id;
    if (a === b) continue;
    const srlg = rand() < 0.5 ? [] : rand() < 0.7 ? [pick(tags)] : [pick(tags), pick(tags)];
    links.push(link(a, b, { id: `e${e}`, srlg, status: rand() < 0.1 ? "planned" : "operational" }));
  }
  return inventory({ sites, links });
}
