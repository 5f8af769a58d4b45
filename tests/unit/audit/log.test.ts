// The hash-chained audit log: each kind of tampering is found and named, an honest log passes.
import { describe, expect, it } from "vitest";
import {
  type EntryFields,
  type Finding,
  formatEntry,
  type HistoryUpdate,
  type LogEntry,
  parseLog,
  sealEntry,
  verifyChain,
  verifyState,
} from "../../../audit/log.ts";

const hex = (c: string) => c.repeat(64);

function fields(k: number): EntryFields {
  return {
    time: `2026-12-01T08:0${k}:00.000Z`,
    who: "auditor@baubaukota.go.id",
    stack: "twin",
    planHash: hex(String(k)),
    reportHash: hex("a"),
    summary: { create: k, update: 0, replace: 0, delete: 0 },
    state: { update: `twin-100${k}`, hash: hex("b") },
  };
}

function honestLog(n: number): LogEntry[] {
  const out: LogEntry[] = [];
  for (let k = 1; k <= n; k++) out.push(sealEntry(fields(k), out.at(-1)));
  return out;
}

const text = (entries: LogEntry[]) => entries.map(formatEntry).join("");

function verify(logText: string): Finding[] {
  const { entries, findings } = parseLog(logText);
  return [...findings, ...verifyChain(entries)];
}

const kinds = (f: Finding[]) => f.map((x) => `${x.kind}@${x.line ?? "-"}#${x.seq ?? "-"}`);

describe("audit log chain", () => {
  it("an honest log has no finding, and entries are numbered and chained", () => {
    const log = honestLog(4);
    expect(verify(text(log))).toEqual([]);
    expect(log.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(log[1]?.prev).toBe(log[0]?.hash);
  });

  it("an edited field is found on its line", () => {
    const lines = text(honestLog(4)).split("\n");
    lines[2] = (lines[2] as string).replace('"create":3', '"create":30');
    const found = verify(lines.join("\n"));
    expect(kinds(found)).toEqual(["edited@3#3"]);
    expect(found[0]?.message).toMatch(/entry #3 \(line 3\) was edited/);
  });

  it("an edited entry whose hash was recomputed is found through the next entry", () => {
    const log = honestLog(4);
    const forged = sealEntry({ ...fields(2), who: "someone-else" }, log[0]);
    const found = verify(text([log[0]!, forged, log[2]!, log[3]!]));
    expect(kinds(found)).toEqual(["edited@2#2"]);
    expect(found[0]?.message).toMatch(/hash recomputed/);
  });

  it("a deleted entry in the middle is named with its number", () => {
    const log = honestLog(4);
    const found = verify(text([log[0]!, log[1]!, log[3]!]));
    expect(kinds(found)).toEqual(["deleted@3#3"]);
    expect(found[0]?.message).toMatch(/entry #3 was deleted \(between entry #2 \(line 2\) and entry #4/);
  });

  it("a deleted first entry is found", () => {
    const log = honestLog(3);
    expect(kinds(verify(text(log.slice(1))))).toEqual(["deleted@1#1"]);
  });

  it("an inserted entry is found even when it is sealed and chained", () => {
    const log = honestLog(3);
    const forged = sealEntry({ ...fields(9), who: "intruder" }, log[0]);
    const found = verify(text([log[0]!, forged, log[1]!, log[2]!]));
    expect(kinds(found)).toEqual(["inserted@2#2"]);
    expect(found[0]?.message).toMatch(/line 2 was inserted.*original is line 3/);
  });

  it("reordered entries are found", () => {
    const log = honestLog(4);
    const found = verify(text([log[0]!, log[2]!, log[1]!, log[3]!]));
    expect(kinds(found)).toEqual(["reordered@3#2"]);
    expect(found[0]?.message).toMatch(/entry #2 \(line 3\) comes after entry #3 \(line 2\)/);
  });

  it("a line that is not an entry says why", () => {
    const lines = text(honestLog(2)).split("\n");
    const found = verify([lines[0], "{not json", lines[1], '{"seq":"x"}'].join("\n"));
    expect(kinds(found)).toEqual(["malformed@2#-", "malformed@4#-"]);
    expect(found[1]?.message).toMatch(/line 4 is not a log entry: seq:/);
  });
});

describe("audit log against the stack's history", () => {
  const log = honestLog(3);
  const located = log.map((entry, k) => ({ line: k + 1, entry }));
  const history: HistoryUpdate[] = [
    { id: "twin-1000", kind: "update", checkpointHash: hex("c") },
    ...log.map((e) => ({ id: e.state.update, kind: "update", checkpointHash: e.state.hash })),
  ];

  it("every entry matches its checkpoint; updates before the log started are not its business", () => {
    expect(verifyState(located, history, "twin")).toEqual([]);
  });

  it("a checkpoint changed after the fact is reported on the entry that pinned it", () => {
    const changed = history.map((u) => (u.id === "twin-1002" ? { ...u, checkpointHash: hex("d") } : u));
    const found = verifyState(located, changed, "twin");
    expect(kinds(found)).toEqual(["state-mismatch@2#2"]);
  });

  it("an entry naming an update the history does not have is reported", () => {
    const found = verifyState(located, history.slice(0, 3), "twin");
    expect(kinds(found)).toEqual(["state-missing@3#3"]);
  });

  it("an update after the log started with no entry is reported (e.g. the last entry deleted)", () => {
    const found = verifyState(located.slice(0, 2), history, "twin");
    expect(found).toHaveLength(1);
    expect(found[0]?.kind).toBe("unlogged-update");
    expect(found[0]?.message).toMatch(/update twin-1003 \(update\)/);
  });

  it("two entries recording one update, or an entry of another stack, are reported", () => {
    const twice = [...located, { line: 4, entry: sealEntry(fields(3), log[2]) }];
    expect(kinds(verifyState(twice, history, "twin"))).toEqual(["inserted@4#4"]);
    expect(kinds(verifyState(located, history, "production"))).toHaveLength(3);
  });
});
