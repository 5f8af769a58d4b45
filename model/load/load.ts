// Reads an inventory from disk and hands the texts to the parser: a directory (YAML, and network files
// by extension), or one network file (OFDS .json, .geojson, .ndjson) with the context files beside it
// (city.yaml, tenants.yaml, targets.yaml, datacenter.yaml). NDJSON is streamed line by line, so a
// national export never has to be one string. Anything the disk refuses (a missing path, no
// permission) becomes a problem too.
import { createReadStream, type Dirent } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { REQUIRED_FILES } from "./files.ts";
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
  | { ok: true; files: Record<string, string>; options: ParseOptions }
  | { ok: false; problems: Problem[] };

const isInventoryFile = (name: string) => /\.ya?ml$/.test(name) || networkFormatOf(name) !== undefined;

async function streamNdjson(path: string, file: string): Promise<ReturnType<typeof readNetworkFile>> {
  const reader = new NdjsonReader(file, false);
  const lines = createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Infinity });
  for await (const line of lines) reader.line(line);
  return reader.result();
}

async function readFiles(root: string, names: readonly string[]): Promise<Read> {
  const files: Record<string, string> = {};
  const preRead: Record<string, ReturnType<typeof readNetworkFile>> = {};
  const refused: Problem[] = [];
  await Promise.all(
    names.map(async (name) => {
      const path = join(root, name);
      try {
        if (networkFormatOf(name) === "ndjson") preRead[name] = await streamNdjson(path, join(root, name));
        else files[name] = await readFile(path, "utf8");
      } catch (error) {
        refused.push(cannot(`${root}/${name}`, "the file", error));
      }
    }),
  );
  if (refused.length > 0) return { ok: false, problems: refused };
  return { ok: true, files, options: { root, preRead } };
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
  const names = entries
    .filter((e) => e.isFile() && isInventoryFile(e.name))
    .map((e) =>
      join(e.parentPath, e.name)
        .slice(root.length + 1)
        .replaceAll("\\", "/"),
    );
  return readFiles(root, names);
}

/** The whole inventory, its data center included. */
export async function loadInventory(path: string): Promise<LoadResult> {
  const read = await readInventory(path);
  return read.ok ? parseInventory(read.files, read.options) : read;
}

/** What the coverage report reads: datacenter.yaml optional (see parseNetworkInventory). */
export async function loadNetworkInventory(path: string): Promise<NetworkLoadResult> {
  const read = await readInventory(path);
  return read.ok ? parseNetworkInventory(read.files, read.options) : read;
}
