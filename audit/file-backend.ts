// The stack's history as the Pulumi file backend keeps it: for every update a
// `<stack>-<nanoseconds>.history.json` (kind, result) and a `.checkpoint.json` copy of the state it
// left. The audit log pins each applied update to that checkpoint's SHA-256.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { sha256 } from "./hash.ts";
import type { HistoryUpdate } from "./log.ts";

export interface StackFiles {
  /** The backend directory (what file:// in PULUMI_BACKEND_URL points at). */
  backendDir: string;
  project: string;
  stack: string;
}

const historyDir = (s: StackFiles) => join(s.backendDir, ".pulumi", "history", s.project, s.stack);
const stackFile = (s: StackFiles) => join(s.backendDir, ".pulumi", "stacks", s.project, `${s.stack}.json`);

/** Oldest first. File names sort by time because the nanosecond stamps have the same width. */
export function readHistory(s: StackFiles): HistoryUpdate[] {
  const dir = historyDir(s);
  if (!existsSync(dir)) return [];
  const names = readdirSync(dir);
  const ids = names
    .filter((n) => n.endsWith(".history.json"))
    .map((n) => n.slice(0, -".history.json".length))
    .sort();
  return ids.map((id) => {
    const info = JSON.parse(readFileSync(join(dir, `${id}.history.json`), "utf8")) as {
      kind?: string;
      result?: string;
      resourceChanges?: Record<string, number>;
    };
    const checkpoint = join(dir, `${id}.checkpoint.json`);
    return {
      id,
      kind: info.kind ?? "unknown",
      ...(info.result ? { result: info.result } : {}),
      ...(info.resourceChanges ? { resourceChanges: info.resourceChanges } : {}),
      checkpointHash: existsSync(checkpoint) ? sha256(readFileSync(checkpoint)) : undefined,
    };
  });
}

/** Where the audit log of a stack lives: in the backend folder, beside `.pulumi/`. */
export function logFile(s: StackFiles): string {
  return join(s.backendDir, "audit", s.project, `${s.stack}.log.jsonl`);
}

/** SHA-256 of the stack's current state file; undefined before the stack's first update. */
export function currentStateHash(s: StackFiles): string | undefined {
  const file = stackFile(s);
  return existsSync(file) ? sha256(readFileSync(file)) : undefined;
}
