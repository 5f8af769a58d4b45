// Builds broken inventories in memory from the real one, one small edit each, and finds where an
// edit landed so tests can assert exact lines without hard-coding them.
import { readdirSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const ROOT = new URL("../../../", import.meta.url).pathname;

/** The real inventory as parseInventory input, keyed like the CLI shows it: inventory/<file>. */
export function realFiles(): Record<string, string> {
  const dir = join(ROOT, "inventory");
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    if (name.endsWith(".yaml"))
      files[`inventory/${name.split("\\").join("/")}`] = readFileSync(join(dir, name), "utf8");
  }
  return files;
}

/** Writes the files (keyed inventory/<file>) into a new temporary folder and returns it. */
export async function writeInventory(
  files: Record<string, string | Buffer>,
  prefix: string,
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name.replace(/^inventory\//, ""));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
  }
  return dir;
}

function text(files: Record<string, string>, file: string): string {
  const t = files[file];
  if (t === undefined) throw new Error(`no file ${file} in the fixture`);
  return t;
}

/** Start and end offsets of the list record "  - id: <id>" in a file's text. */
function recordSpan(t: string, id: string): [number, number] {
  const start = t.indexOf(`\n  - id: ${id}\n`);
  if (start < 0) throw new Error(`no record ${id}`);
  const next = t.indexOf("\n  - ", start + 1);
  return [start + 1, next < 0 ? t.length : next + 1];
}

/** Index of the record in its file's list (what the problem path shows as sites[i]). */
export function recordIndex(files: Record<string, string>, file: string, id: string): number {
  const t = text(files, file);
  const [start] = recordSpan(t, id);
  return t.slice(0, start).split("\n  - ").length - 1;
}

/** Replaces `from` (which must occur exactly once inside the record) with `to`. */
export function editRecord(
  files: Record<string, string>,
  file: string,
  id: string,
  from: string,
  to: string,
) {
  const t = text(files, file);
  const [start, end] = recordSpan(t, id);
  const block = t.slice(start, end);
  const at = block.indexOf(from);
  if (at < 0 || block.indexOf(from, at + 1) >= 0) throw new Error(`"${from}" must occur once in ${id}`);
  return {
    ...files,
    [file]: t.slice(0, start) + block.slice(0, at) + to + block.slice(at + from.length) + t.slice(end),
  };
}

/** Replaces a snippet that occurs exactly once in the whole file. */
export function editFile(files: Record<string, string>, file: string, from: string, to: string) {
  const t = text(files, file);
  const at = t.indexOf(from);
  if (at < 0 || t.indexOf(from, at + 1) >= 0) throw new Error(`"${from}" must occur once in ${file}`);
  return { ...files, [file]: t.slice(0, at) + to + t.slice(at + from.length) };
}

/** 1-based line and column of `needle` inside the record `id` (or the file when id is undefined). */
export function positionOf(files: Record<string, string>, file: string, needle: string, id?: string) {
  const t = text(files, file);
  const from = id === undefined ? 0 : recordSpan(t, id)[0];
  const at = t.indexOf(needle, from);
  if (at < 0) throw new Error(`no "${needle}" in ${file}`);
  const before = t.slice(0, at);
  const line = before.split("\n").length;
  return { line, column: at - before.lastIndexOf("\n") };
}
