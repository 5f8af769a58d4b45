// Edits of a copied inventory that integration tests make: a record marked operational, and the file
// that holds a record.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

/** Sets `status:` to operational in the record `id` of a YAML list file. */
export function markOperational(text: string, id: string): string {
  const start = text.indexOf(`\n  - id: ${id}\n`);
  if (start < 0) throw new Error(`fixture: no record ${id}`);
  const end = text.indexOf("\n  - ", start + 1);
  const block = text.slice(start, end < 0 ? undefined : end);
  if (!/status: (planned|proposed|underConstruction)/.test(block))
    throw new Error(`fixture: ${id} has no status to change`);
  return (
    text.slice(0, start) +
    block.replace(/status: \w+/, "status: operational") +
    (end < 0 ? "" : text.slice(end))
  );
}

/** The YAML file under `dir` that holds the list record `id`. */
export async function fileWith(dir: string, id: string): Promise<string> {
  for (const name of (await readdir(dir, { recursive: true })) as string[]) {
    if (name.endsWith(".yaml") && (await readFile(join(dir, name), "utf8")).includes(`\n  - id: ${id}\n`))
      return join(dir, name);
  }
  throw new Error(`fixture: no file holds ${id}`);
}
