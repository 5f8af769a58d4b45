// Reads an inventory directory from disk and hands the texts to parseInventory.
import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { parseInventory } from "./parse.ts";
import type { LoadResult } from "./result.ts";

export async function loadInventory(dir: string): Promise<LoadResult> {
  let entries: string[];
  try {
    entries = await readdir(dir, { recursive: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problems: [
        {
          file: dir,
          line: 0,
          column: 0,
          path: "",
          message: `cannot read the inventory directory: ${reason}`,
        },
      ],
    };
  }
  const names = entries
    .map((e) => relative(dir, join(dir, e)).split(sep).join("/"))
    .filter((n) => /\.ya?ml$/.test(n));
  const texts = await Promise.all(names.map((n) => readFile(join(dir, n), "utf8")));
  const files: Record<string, string> = {};
  names.forEach((n, i) => {
    files[n] = texts[i] ?? "";
  });
  return parseInventory(files, { root: dir.replace(/[\\/]+$/, "") });
}
