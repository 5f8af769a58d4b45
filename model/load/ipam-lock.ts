// Reads inventory/ipam-lock.yaml, the persisted IPAM plan (written by `scripts/ipam --write`), with
// the loader's precise errors: file:line:column, field path, and for clashes the other entry's line.
// A missing file is an empty lock: the first `--write` creates it.
import { readFile } from "node:fs/promises";
import { posix } from "node:path";
import { DEFAULT_IPAM_OPTIONS, type IpamLock, type IpamOptions } from "../analyses/ipam.ts";
import { duplicateVlanDrafts, overlapDrafts } from "./ipam-lock-checks.ts";
import { ipamLockSchema } from "./ipam-lock-schema.ts";
import { locateProblems } from "./locate.ts";
import type { Problem } from "./problem.ts";
import { readYaml } from "./yaml-source.ts";
import { issuesToDrafts } from "./zod-issues.ts";

export const IPAM_LOCK_FILE = "ipam-lock.yaml";

export type IpamLockResult = { ok: true; lock: IpamLock } | { ok: false; problems: Problem[] };

const emptyLock = (): IpamLock => ({ sites: {}, links: {}, loopbacks: {}, tenantVlans: {} });

/** `file` is the name shown in problems, e.g. inventory/ipam-lock.yaml. */
export function parseIpamLock(
  file: string,
  text: string,
  options: Partial<IpamOptions> = {},
): IpamLockResult {
  const read = readYaml(file, text);
  if (!read.ok) return { ok: false, problems: read.problems };
  // A file of comments only holds no allocations yet.
  if (read.value === null || read.value === undefined) return { ok: true, lock: emptyLock() };
  const schema = ipamLockSchema({ ...DEFAULT_IPAM_OPTIONS, ...options });
  const parsed = schema.safeParse(read.value);
  const drafts = [
    ...(parsed.success ? [] : issuesToDrafts(file, read.value, schema, parsed.error.issues)),
    ...overlapDrafts(file, read.value),
    ...duplicateVlanDrafts(file, read.value),
  ];
  if (parsed.success && drafts.length === 0) return { ok: true, lock: parsed.data };
  const problems = locateProblems(drafts, new Map([[file, read.locate]]));
  problems.sort((x, y) => x.line - y.line || x.column - y.column);
  return { ok: false, problems };
}

export async function loadIpamLock(
  inventoryDir: string,
  options: Partial<IpamOptions> = {},
): Promise<IpamLockResult> {
  const file = posix.join(inventoryDir.replace(/[\\/]+$/, ""), IPAM_LOCK_FILE);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { ok: true, lock: emptyLock() };
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problems: [{ file, line: 0, column: 0, path: "", message: `cannot read: ${reason}` }],
    };
  }
  return parseIpamLock(file, text, options);
}
