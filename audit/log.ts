// The audit log: one JSON line per applied update, each sealed with the hash of its fields and
// chained to the one before, so that an edited, deleted, inserted or reordered entry shows. The
// chain alone cannot catch a log rewritten from the first changed entry on; each entry also pins
// the checkpoint the update left in the stack's history, and verifyState checks those.
import { z } from "zod";
import { hashJson } from "./hash.ts";

export const GENESIS = "0".repeat(64);

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, "a SHA-256 in lowercase hex");
const count = z.number().int().nonnegative();

export const logEntrySchema = z
  .object({
    seq: z.number().int().positive(),
    /** ISO 8601, UTC. */
    time: z.iso.datetime(),
    who: z.string().min(1),
    stack: z.string().min(1),
    planHash: hex64,
    reportHash: hex64,
    /** Resource operations applied, by kind (create, update, replace, delete). */
    summary: z.record(z.string(), count),
    /** The checkpoint the update left in the stack's history: its id there and the hash of its bytes. */
    state: z.object({ update: z.string().min(1), hash: hex64 }).strict(),
    prev: hex64,
    hash: hex64,
  })
  .strict();

export type LogEntry = z.infer<typeof logEntrySchema>;
export type EntryFields = Omit<LogEntry, "seq" | "prev" | "hash">;

export interface LocatedEntry {
  /** 1-based line in the log file. */
  line: number;
  entry: LogEntry;
}

export type FindingKind =
  | "malformed"
  | "edited"
  | "deleted"
  | "inserted"
  | "reordered"
  | "state-missing"
  | "state-mismatch"
  | "unlogged-update";

export interface Finding {
  kind: FindingKind;
  line?: number;
  seq?: number;
  message: string;
}

function hashOf(entry: Omit<LogEntry, "hash">): string {
  const { seq, time, who, stack, planHash, reportHash, summary, state, prev } = entry;
  return hashJson({ seq, time, who, stack, planHash, reportHash, summary, state, prev });
}

/** The next entry after `last` (undefined for the first), numbered and sealed. */
export function sealEntry(fields: EntryFields, last: LogEntry | undefined): LogEntry {
  const unsealed = { ...fields, seq: (last?.seq ?? 0) + 1, prev: last?.hash ?? GENESIS };
  return { ...unsealed, hash: hashOf(unsealed) };
}

export function formatEntry(entry: LogEntry): string {
  return `${JSON.stringify(entry)}\n`;
}

/** Every line that is an entry, and a finding for every line that is not. */
export function parseLog(text: string): { entries: LocatedEntry[]; findings: Finding[] } {
  const entries: LocatedEntry[] = [];
  const findings: Finding[] = [];
  text.split("\n").forEach((raw, k) => {
    const line = k + 1;
    if (raw.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      findings.push({ kind: "malformed", line, message: `line ${line} is not JSON: edited by hand?` });
      return;
    }
    const parsed = logEntrySchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? issue.path.join(".") : "(entry)";
      findings.push({
        kind: "malformed",
        line,
        message: `line ${line} is not a log entry: ${where}: ${issue?.message ?? "invalid"}`,
      });
      return;
    }
    entries.push({ line, entry: parsed.data });
  });
  return { entries, findings };
}

const label = (e: LocatedEntry) => `entry #${e.entry.seq} (line ${e.line})`;

/** What the chain says about the entries, in file order. */
export function verifyChain(entries: readonly LocatedEntry[]): Finding[] {
  const findings: Finding[] = [];
  const edited = new Set<LocatedEntry>();
  for (const e of entries) {
    if (hashOf(e.entry) !== e.entry.hash) {
      edited.add(e);
      findings.push({
        kind: "edited",
        line: e.line,
        seq: e.entry.seq,
        message: `${label(e)} was edited: its fields no longer match its hash`,
      });
    }
  }
  for (let i = 1; i < entries.length; i++) {
    const [before, e] = [entries[i - 1] as LocatedEntry, entries[i] as LocatedEntry];
    if (e.entry.seq < before.entry.seq) {
      findings.push({
        kind: "reordered",
        line: e.line,
        seq: e.entry.seq,
        message: `${label(e)} comes after ${label(before)}: entries were reordered`,
      });
    }
  }

  // Walk the entries in number order; each number should appear once and point at the one before.
  const bySeq = new Map<number, LocatedEntry[]>();
  for (const e of entries) bySeq.set(e.entry.seq, [...(bySeq.get(e.entry.seq) ?? []), e]);
  const numbers = [...bySeq.keys()].sort((a, b) => a - b);
  let last: LocatedEntry | undefined;
  numbers.forEach((seq, k) => {
    const claimants = bySeq.get(seq) as LocatedEntry[];
    const nextNumber = numbers[k + 1];
    const followers = nextNumber === undefined ? [] : (bySeq.get(nextNumber) as LocatedEntry[]);
    let genuine = claimants[0] as LocatedEntry;
    if (claimants.length > 1) {
      // The entry the next one points at is the original; failing that, the one chained to ours.
      const pointedAt = claimants.filter((c) => followers.some((f) => f.entry.prev === c.entry.hash));
      const chained = claimants.filter((c) => c.entry.prev === (last?.entry.hash ?? GENESIS));
      const pick = pointedAt.length === 1 ? pointedAt : chained.length === 1 ? chained : [];
      if (pick.length === 1) {
        genuine = pick[0] as LocatedEntry;
        for (const c of claimants.filter((x) => x !== genuine)) {
          findings.push({
            kind: "inserted",
            line: c.line,
            seq,
            message: `line ${c.line} was inserted: a second entry #${seq} (the original is line ${genuine.line})`,
          });
        }
      } else {
        findings.push({
          kind: "inserted",
          line: claimants[1]?.line,
          seq,
          message: `lines ${claimants.map((c) => c.line).join(", ")} all claim to be entry #${seq}: all but one were inserted`,
        });
      }
    }
    const expectedSeq = (last?.entry.seq ?? 0) + 1;
    if (seq > expectedSeq) {
      const missing = expectedSeq === seq - 1 ? `#${expectedSeq}` : `#${expectedSeq}-#${seq - 1}`;
      const where = last ? `between ${label(last)} and ${label(genuine)}` : `before ${label(genuine)}`;
      findings.push({
        kind: "deleted",
        line: genuine.line,
        seq: expectedSeq,
        message: `entry ${missing} was deleted (${where})`,
      });
    } else if (genuine.entry.prev !== (last?.entry.hash ?? GENESIS) && !(last && edited.has(last))) {
      const changed = last ?? genuine;
      findings.push({
        kind: "edited",
        line: changed.line,
        seq: changed.entry.seq,
        message: last
          ? `${label(last)} was edited and its hash recomputed: ${label(genuine)} points at a different entry`
          : `${label(genuine)} does not start the chain: it was edited and its hash recomputed`,
      });
    }
    last = genuine;
  });
  return findings;
}

/** An update recorded in the stack's history, oldest first. */
export interface HistoryUpdate {
  id: string;
  kind: string;
  /** succeeded, failed, ... */
  result?: string;
  /** Operations the update made, by kind, as the engine counted them. */
  resourceChanges?: Record<string, number>;
  /** SHA-256 of the checkpoint the update left; undefined when that file is gone. */
  checkpointHash: string | undefined;
}

/** Kinds of update that change what runs (refreshes only re-read it). */
const APPLYING = new Set(["update", "destroy"]);

/** Each entry against the stack's history: the checkpoint it pins must be there, byte for byte. */
export function verifyState(
  entries: readonly LocatedEntry[],
  history: readonly HistoryUpdate[],
  stack: string,
): Finding[] {
  const findings: Finding[] = [];
  const position = new Map(history.map((u, k) => [u.id, k]));
  const claimed = new Map<string, LocatedEntry>();
  for (const e of entries) {
    const { update, hash } = e.entry.state;
    if (e.entry.stack !== stack) {
      findings.push({
        kind: "inserted",
        line: e.line,
        seq: e.entry.seq,
        message: `${label(e)} is about stack ${e.entry.stack}, but this is the log of stack ${stack}`,
      });
      continue;
    }
    const earlier = claimed.get(update);
    if (earlier) {
      findings.push({
        kind: "inserted",
        line: e.line,
        seq: e.entry.seq,
        message: `${label(e)} records update ${update} again (${label(earlier)} already does): one of them was inserted`,
      });
      continue;
    }
    claimed.set(update, e);
    const k = position.get(update);
    const found = k === undefined ? undefined : history[k];
    if (!found) {
      findings.push({
        kind: "state-missing",
        line: e.line,
        seq: e.entry.seq,
        message: `${label(e)} names update ${update}, which is not in the history of stack ${stack}`,
      });
    } else if (found.checkpointHash !== hash) {
      findings.push({
        kind: "state-mismatch",
        line: e.line,
        seq: e.entry.seq,
        message:
          found.checkpointHash === undefined
            ? `${label(e)}: the checkpoint of update ${update} is gone from the stack's history`
            : `${label(e)}: the checkpoint of update ${update} no longer matches the state hash the log recorded`,
      });
    }
  }
  const logged = new Set(entries.map((e) => e.entry.state.update));
  const first = Math.min(...[...logged].map((id) => position.get(id) ?? Number.POSITIVE_INFINITY));
  history.forEach((u, k) => {
    if (k > first && APPLYING.has(u.kind) && !logged.has(u.id)) {
      findings.push({
        kind: "unlogged-update",
        message: `update ${u.id} (${u.kind}${u.result ? `, ${u.result}` : ""}) is in the stack's history but not in the log: applied outside \`scripts/audit apply\`, or its entry was deleted`,
      });
    }
  });
  return findings;
}
