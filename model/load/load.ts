// Reads an inventory directory from disk and hands the texts to parseInventory. Anything the disk
// refuses (a missing directory, a folder named like a file, no permission) becomes a problem too.
import type { Dirent } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseInventory } from "./parse.ts";
import type { Problem } from "./problem.ts";
import type { LoadResult } from "./result.ts";

function cannot(file: string, what: string, error: unknown): Problem {
  const reason = error instanceof Error ? error.message : String(error);
  return { file, line: 0, column: 0, path: "", message: `cannot read ${what}: ${reason}` };
}

export async function loadInventory(dir: string): Promise<LoadResult> {
  const root = dir.replace(/[\\/]+$/, "");
  let entries: Dirent[];
  try {
    entries = await readdir(root, { recursive: true, withFileTypes: true });
  } catch (error) {
    return { ok: false, problems: [cannot(root, "the inventory directory", error)] };
  }
  const names = entries
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) =>
      join(e.parentPath, e.name)
        .slice(root.length + 1)
        .replaceAll("\\", "/"),
    );
  const files: Record<string, string> = {};
  const refused: Problem[] = [];
  await Promise.all(
    names.map(async (name) => {
      try {
        files[name] = await readFile(join(root, name), "utf8");
      } catch (error) {
        refused.push(cannot(`${root}/${name}`, "the file", error));
      }
    }),
  );
  if (refused.length > 0) return { ok: false, problems: refused };
  return parseInventory(files, { root });
}
