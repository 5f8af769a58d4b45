// Checks across entries of the IPAM lock: no two ids may hold overlapping address blocks (in any
// section) or the same tenant VLAN. Each problem points at the later entry and names the earlier one
// as `related`, so the reader sees both lines.
import { formatPrefix, overlaps, type Prefix, size } from "../analyses/ipv4.ts";
import { tryPrefix } from "./ipam-lock-schema.ts";
import type { ProblemDraft } from "./problem.ts";

const ADDRESS_SECTIONS = ["sites", "links", "loopbacks"] as const;

interface Entry {
  section: string;
  id: string;
  cidr: string;
  prefix: Prefix;
}

function sectionOf(data: unknown, key: string): Record<string, unknown> {
  const value = (data as Record<string, unknown> | null)?.[key];
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

export function overlapDrafts(file: string, data: unknown): ProblemDraft[] {
  const entries: Entry[] = [];
  for (const section of ADDRESS_SECTIONS) {
    for (const [id, cidr] of Object.entries(sectionOf(data, section))) {
      const prefix = tryPrefix(cidr);
      if (prefix) entries.push({ section, id, cidr: cidr as string, prefix });
    }
  }
  // Sorted by start (wider first on ties), an entry overlaps something earlier exactly when it
  // starts before the furthest end seen so far; the entry reaching furthest is the one to name.
  entries.sort((x, y) => x.prefix.base - y.prefix.base || x.prefix.length - y.prefix.length);
  const drafts: ProblemDraft[] = [];
  let reach: Entry | undefined;
  const end = (e: Entry) => e.prefix.base + size(e.prefix.length);
  for (const e of entries) {
    if (reach && overlaps(reach.prefix, e.prefix)) {
      const same = reach.prefix.base === e.prefix.base && reach.prefix.length === e.prefix.length;
      drafts.push({
        file,
        path: [e.section, e.id],
        message: `${formatPrefix(e.prefix)} ${same ? "is the same block as" : "overlaps"} ${reach.section}.${reach.id} (${reach.cidr}); one block, one id`,
        related: { file, path: [reach.section, reach.id] },
      });
    }
    if (!reach || end(e) > end(reach)) reach = e;
  }
  return drafts;
}

export function duplicateVlanDrafts(file: string, data: unknown): ProblemDraft[] {
  const owner = new Map<number, string>();
  const drafts: ProblemDraft[] = [];
  for (const [id, vlan] of Object.entries(sectionOf(data, "tenantVlans"))) {
    if (typeof vlan !== "number") continue;
    const first = owner.get(vlan);
    if (first === undefined) {
      owner.set(vlan, id);
      continue;
    }
    drafts.push({
      file,
      path: ["tenantVlans", id],
      message: `VLAN ${vlan} is already held by tenantVlans.${first}; one VLAN, one tenant`,
      related: { file, path: ["tenantVlans", first] },
    });
  }
  return drafts;
}
