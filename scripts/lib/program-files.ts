// What "the program" is for binding a review to it: every file git would commit (tracked or not
// ignored) except docs, tests and the tooling around the stacks, plus the stack's own config file
// (git-ignored for the twin and test stacks) and the inventory the stack reads when it is outside
// the repository. A review records each file's hash; apply refuses if any differs.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import { sha256 } from "../../audit/hash.ts";
import { parseInventory } from "../../model/load/index.ts";
import { ROOT } from "../../toolchain/paths.ts";
import { $ } from "../../toolchain/process.ts";

const git = $({ cwd: ROOT });

/** Not what the engine runs: docs, tests, benchmarks, the reports and the review tooling itself. */
const NOT_PROGRAM = /^(tests|docs|bench|reports|scripts|audit)\/|\.md$/;

export async function programFiles(stack: string, inventoryDir: string): Promise<Record<string, string>> {
  const { stdout } = await git`git ls-files -z --cached --others --exclude-standard`;
  const names = new Set(stdout.split("\0").filter((n) => n && !NOT_PROGRAM.test(n)));
  names.add(`stacks/Pulumi.${stack}.yaml`);
  const out: Record<string, string> = {};
  for (const name of [...names].sort()) {
    const file = join(ROOT, name);
    if (existsSync(file)) out[name] = sha256(readFileSync(file));
  }
  const inside = relative(ROOT, inventoryDir);
  if (inside.startsWith("..") || isAbsolute(inside)) {
    const found = existsSync(inventoryDir)
      ? (readdirSync(inventoryDir, { recursive: true }) as string[])
      : [];
    for (const name of found.filter((n) => /\.ya?ml$/.test(n)).sort()) {
      out[join(inventoryDir, name)] = sha256(readFileSync(join(inventoryDir, name)));
    }
  }
  return out;
}

/** Files added, removed or changed between two fingerprints, sorted. */
export function programChanges(before: Record<string, string>, now: Record<string, string>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(now)]);
  return [...names].filter((n) => before[n] !== now[n]).sort();
}

/** The inventory as committed at a git revision (the "before" side of the domain diff). */
export async function inventoryAtRevision(
  revision: string,
  dir: string,
): Promise<ReturnType<typeof parseInventory>> {
  const { stdout } = await git`git ls-tree -r -z --name-only ${revision} -- ${dir}`;
  const files: Record<string, string> = {};
  for (const name of stdout.split("\0").filter((n) => /\.ya?ml$/.test(n))) {
    const { stdout: text } = await git`git show ${`${revision}:${name}`}`;
    files[name.slice(dir.length + 1)] = text;
  }
  return parseInventory(files, { root: `${dir}@${revision}` });
}
