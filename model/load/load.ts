// Reads an inventory from disk and hands the texts to the parser: a directory (YAML, and network files
// by extension), or one network file (OFDS .json, .geojson, .ndjson) with the context files beside it
// (city.yaml, tenants.yaml, targets.yaml, datacenter.yaml). NDJSON is streamed line by line, so a
// national export never has to be one string. Anything the disk refuses (a missing path, no
// permission) becomes a problem too, and so does anything in a directory the loader will not read: a
// symbolic link, a file of another kind in sites/ or links/, bytes that are not UTF-8. Nothing is
// skipped without a word (hidden files excepted: git and editors keep theirs there).
import { isUtf8 } from "node:buffer";
import { createReadStream, type Dirent } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { REQUIRED_FILES, ROLE_DIRS } from "./files.ts";
import { networkFormatOf, type readNetworkFile } from "./formats/index.ts";
import { NdjsonReader } from "./formats/ndjson.ts";
import { type ParseOptions, parseInventory, parseNetworkInventory } from "./parse.ts";
import type { Problem } from "./problem.ts";
import type { LoadResult, NetworkLoadResult } from "./result.ts";

function cannot(file: string, what: string, error: unknown): Problem {
  const reason = error instanceof Error ? error.message : String(error);
  return { file, line: 0, column: 0, path: "", message: `cannot read ${what}: ${reason}` };
}

type Read =
  | { ok: true; files: Record<string, string>; options: ParseOptions; notRead: Problem[] }
  | { ok: false; problems: Problem[] };

const isInventoryFile = (name: string) => /\.ya?ml$/.test(name) || networkFormatOf(name) !== undefined;

const notRead = (file: string, why: string): Problem => ({
  file,
  line: 0,
  column: 0,
  path: "",
  message: `is not read: ${why}`,
});

/** Where the first byte that is not UTF-8 is, 1-based; lines end at "\n", which UTF-8 never uses
 * inside a character, so each line can be checked on its own. */
function firstBadByte(bytes: Buffer): { line: number; column: number } {
  let start = 0;
  for (let line = 1; ; line++) {
    const end = bytes.indexOf(0x0a, start);
    const slice = bytes.subarray(start, end < 0 ? bytes.length : end);
    if (!isUtf8(slice)) {
      const column = new TextDecoder().decode(slice).indexOf("\uFFFD") + 1;
      return { line, column: Math.max(column, 1) };
    }
    if (end < 0) return { line, column: 1 };
    start = end + 1;
  }
}

/** What the loader does with an entry of the directory (`rel`, relative to it): read it, say why
 * not, or leave it (a README, a hidden file). */
function triage(rel: string, entry: Dirent): "read" | Problem | undefined {
  const parts = rel.split("/");
  if (parts.some((p) => p.startsWith("."))) return undefined;
  const inRoleDir = parts.slice(0, -1).some((p) => ROLE_DIRS.includes(p));
  const isRoleDir = parts.length === 1 && ROLE_DIRS.includes(rel);
  if (entry.isSymbolicLink()) {
    if (isInventoryFile(rel) || inRoleDir || isRoleDir)
      return notRead(rel, "it is a symbolic link; inventory files must be regular files in the inventory");
    return undefined;
  }
  if (!entry.isFile()) return undefined;
  if (isInventoryFile(rel)) return "read";
  if (inRoleDir)
    return notRead(
      rel,
      "sites/ and links/ hold inventory files (.yaml, .yml, .json, .geojson, .ndjson) only",
    );
  return undefined;
}

const NOT_UTF8 = "holds bytes that are not UTF-8 (save the file as UTF-8)";

/**
 * Streams an NDJSON file to the reader a line at a time. The bytes are split at "\n" before they are
 * decoded, so the first byte that is not UTF-8 is found (its line and column) as in a YAML file;
 * such a line is read anyway (bad bytes become U+FFFD) and the rest of the file is still checked.
 */
async function streamNdjson(
  path: string,
  file: string,
): Promise<{ read: ReturnType<typeof readNetworkFile>; badByte?: { line: number; column: number } }> {
  const reader = new NdjsonReader(file, false);
  let badByte: { line: number; column: number } | undefined;
  let linesBefore = 0;
  let rest: Buffer = Buffer.alloc(0);
  const take = (bytes: Buffer) => {
    if (badByte === undefined && !isUtf8(bytes)) {
      const at = firstBadByte(bytes);
      badByte = { line: linesBefore + at.line, column: at.column };
    }
    const lines = bytes.toString("utf8").split("\n");
    if (lines.at(-1) === "") lines.pop(); // the text after a final "\n"
    for (const line of lines) reader.line(line);
    linesBefore += lines.length;
  };
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const bytes = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
    const end = bytes.lastIndexOf(0x0a) + 1; // whole lines only: a character never spans a "\n"
    if (end > 0) take(bytes.subarray(0, end));
    rest = bytes.subarray(end);
  }
  if (rest.length > 0) take(rest);
  return { read: reader.result(), ...(badByte ? { badByte } : {}) };
}

async function readFiles(root: string, names: readonly string[], notRead: Problem[] = []): Promise<Read> {
  const files: Record<string, string> = {};
  const preRead: Record<string, ReturnType<typeof readNetworkFile>> = {};
  const refused: Problem[] = [];
  await Promise.all(
    names.map(async (name) => {
      const path = join(root, name);
      try {
        if (networkFormatOf(name) === "ndjson") {
          const { read, badByte } = await streamNdjson(path, join(root, name));
          preRead[name] = read;
          if (badByte) notRead.push({ file: `${root}/${name}`, ...badByte, path: "", message: NOT_UTF8 });
        } else {
          const bytes = await readFile(path);
          if (!isUtf8(bytes)) {
            notRead.push({ file: `${root}/${name}`, ...firstBadByte(bytes), path: "", message: NOT_UTF8 });
          }
          // Read anyway (bad bytes become U+FFFD): the rest of the file is still checked, and the file
          // is not reported missing as well.
          files[name] = bytes.toString("utf8");
        }
      } catch (error) {
        refused.push(cannot(`${root}/${name}`, "the file", error));
      }
    }),
  );
  if (refused.length > 0) return { ok: false, problems: refused };
  return { ok: true, files, options: { root, preRead }, notRead };
}

async function readInventory(path: string): Promise<Read> {
  const root = path.replace(/[\\/]+$/, "");
  let isFile = false;
  try {
    isFile = (await stat(root)).isFile();
  } catch (error) {
    return { ok: false, problems: [cannot(root, "the inventory", error)] };
  }
  if (isFile) {
    const name = basename(root);
    if (networkFormatOf(name) === undefined) {
      return {
        ok: false,
        problems: [
          {
            file: root,
            line: 0,
            column: 0,
            path: "",
            message:
              "is not an inventory: give a directory of YAML files, an OFDS package (.json), GeoJSON (.geojson) or NDJSON (.ndjson)",
          },
        ],
      };
    }
    // The context a network file needs, from beside it; a foreign OFDS package may come alone.
    const dir = dirname(root);
    const beside = await readdir(dir).catch(() => [] as string[]);
    const context = Object.values(REQUIRED_FILES).filter((f) => beside.includes(f));
    return readFiles(dir, [name, ...context]);
  }
  let entries: Dirent[];
  try {
    entries = await readdir(root, { recursive: true, withFileTypes: true });
  } catch (error) {
    return { ok: false, problems: [cannot(root, "the inventory directory", error)] };
  }
  const names: string[] = [];
  const skipped: Problem[] = [];
  for (const e of entries) {
    const rel = join(e.parentPath, e.name)
      .slice(root.length + 1)
      .replaceAll("\\", "/");
    const verdict = triage(rel, e);
    if (verdict === "read") names.push(rel);
    else if (verdict !== undefined) skipped.push({ ...verdict, file: `${root}/${rel}` });
  }
  return readFiles(root, names, skipped);
}

/** The parser's result, with what was not read (or not read whole) leading: it fails the load too. */
function withNotRead<R extends LoadResult | NetworkLoadResult>(
  notRead: Problem[],
  result: R,
): R | { ok: false; problems: Problem[] } {
  if (notRead.length === 0) return result;
  notRead.sort((x, y) => (x.file < y.file ? -1 : x.file > y.file ? 1 : x.line - y.line));
  return { ok: false, problems: [...notRead, ...(result.ok ? [] : result.problems)] };
}

/** The whole inventory, its data center included. */
export async function loadInventory(path: string): Promise<LoadResult> {
  const read = await readInventory(path);
  return read.ok ? withNotRead(read.notRead, parseInventory(read.files, read.options)) : read;
}

/** What the coverage report reads: datacenter.yaml optional (see parseNetworkInventory). */
export async function loadNetworkInventory(path: string): Promise<NetworkLoadResult> {
  const read = await readInventory(path);
  return read.ok ? withNotRead(read.notRead, parseNetworkInventory(read.files, read.options)) : read;
}
