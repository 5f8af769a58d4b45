// --out into a place that cannot be written ends with one line naming the file and the reason, exit 1,
// no stack trace and no hang; a file that can be written is replaced whole, with nothing left beside it.
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runEntry, STACK_TRACE } from "./run-entry.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "baubau-out-"));
  await writeFile(join(dir, "a-file"), "not a folder\n");
});
afterAll(() => rm(dir, { recursive: true, force: true }));

// [what, --out, reason as printed]
const UNWRITABLE: [string, () => string, RegExp][] = [
  ["a directory", () => dir, /it is a directory; give a file name/],
  ["a name ending with a slash", () => join(dir, "new/"), /the name ends with a slash; give a file name/],
  [
    "a path through a regular file",
    () => join(dir, "a-file", "report.json"),
    /cannot create a file in .*a-file: a part of the path is a file, not a directory \(ENOTDIR\)/,
  ],
  // Node's mkdir -p loops forever here (mkdir answers ENOENT under /proc): the old hang.
  [
    "a new folder in /proc",
    () => "/proc/baubau-nowhere/report.json",
    /cannot create the folder \/proc\/baubau-nowhere: no such file or directory \(ENOENT\)/,
  ],
  ["a file of /proc", () => "/proc/version", /cannot create a file in \/proc: .* \(E[A-Z]+\)/],
  ["a read-only place (sysfs)", () => "/sys/kernel/report.json", /\((EACCES|EROFS|EPERM)\)/],
];
if (existsSync("/dev/full")) {
  UNWRITABLE.push(["a full device", () => "/dev/full", /no space left on the device \(ENOSPC\)/]);
}

// Both commands write through scripts/lib/write-output.ts: every class through one, two through the other.
describe.concurrent.each([
  ["coverage.ts", ["--format", "json"], UNWRITABLE],
  ["ipam.ts", ["--format", "json"], UNWRITABLE.slice(0, 2)],
] as const)("scripts/%s --out", (script, format, cases) => {
  it.each(cases)("into %s: one line, exit 1", { timeout: 60_000 }, async (_, out, reason) => {
    const file = out();
    const r = await runEntry(script, [...format, "--out", file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(`cannot write ${file}: `);
    expect(r.stderr).toMatch(reason);
    expect(r.stderr).toMatch(/; nothing written\.\n$/);
  });
});

describe("scripts/coverage --out into a file that exists", () => {
  it("replaces it whole and leaves no temporary file", { timeout: 60_000 }, async () => {
    const out = join(dir, "replace", "report.json");
    await runEntry("coverage.ts", ["--format", "json", "--out", out]);
    await writeFile(out, "old\n");
    const r = await runEntry("coverage.ts", ["--format", "json", "--out", out]);
    expect(r).toMatchObject({ code: 0, stderr: `wrote ${out}\n` });
    expect(JSON.parse(await readFile(out, "utf8"))).toHaveProperty("targets");
    expect(await readdir(join(dir, "replace"))).toEqual(["report.json"]);
  });
});
