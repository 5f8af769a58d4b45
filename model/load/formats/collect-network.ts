// A network file's records join the inventory the same way a YAML file's do: each site and link
// through its zod schema (collect.ts), then the cross-checks. What the reader already reported about a
// field (a node location that is no GeoJSON Point) is not reported a second time by the schema.
import { type Collected, collectFile } from "../collect.ts";
import type { PathSegment } from "../problem.ts";
import type { NetworkRead } from "./network-read.ts";

const key = (path: readonly PathSegment[]) => JSON.stringify(path);

export function collectNetworkFile(file: string, read: NetworkRead, into: Collected): void {
  const before = into.problems.length;
  collectFile("sites", file, { sites: read.sites }, into);
  collectFile("links", file, { links: read.links }, into);
  if (read.shadows.length > 0) {
    const shadowed = new Set(read.shadows.map(key));
    const fresh = into.problems.splice(before);
    for (const d of fresh) {
      let covered = false;
      for (let n = 1; n <= d.path.length && !covered; n++) covered = shadowed.has(key(d.path.slice(0, n)));
      if (!covered) into.problems.push(d);
    }
  }
  into.problems.push(...read.recordProblems);
}
