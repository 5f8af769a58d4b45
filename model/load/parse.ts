// The whole loader without the disk: files in, an inventory or every problem out. Tests and the
// benchmark call this directly with in-memory texts.
import { posix } from "node:path";
import { runChecks } from "./checks/index.ts";
import { collectFile, emptyCollected } from "./collect.ts";
import { type FileRole, nearMissOf, REQUIRED_FILES, roleOf } from "./files.ts";
import { type Locator, locateProblems } from "./locate.ts";
import type { Problem } from "./problem.ts";
import type { LoadResult } from "./result.ts";
import { suggest } from "./suggest.ts";
import { readYaml } from "./yaml-source.ts";

export interface ParseOptions {
  /** Prefix shown before each file name in problems, e.g. "inventory". */
  root?: string;
}

/** Where a missing file would have been: next to the files that are there. */
function missingFileDir(names: readonly string[]): string {
  for (const name of names) {
    const role = roleOf(name);
    const dir = posix.dirname(name.replaceAll("\\", "/"));
    if (role === "sites" || (role === "links" && posix.basename(dir) === "links")) return posix.dirname(dir);
    if (role !== undefined) return dir;
  }
  return ".";
}

export function parseInventory(
  files: Readonly<Record<string, string>>,
  options: ParseOptions = {},
): LoadResult {
  const show = (name: string) => (options.root ? posix.join(options.root, name) : name);
  const data = emptyCollected();
  const syntax: Problem[] = [];
  const locators = new Map<string, Locator>();
  const seen = new Set<FileRole>();

  for (const name of Object.keys(files).sort()) {
    const role = roleOf(name);
    // Other files (READMEs, scratch files) are not ours, but a misspelt inventory file is.
    if (role === undefined) {
      const meant = /\.ya?ml$/.test(name) ? nearMissOf(name, suggest) : undefined;
      if (meant !== undefined) {
        syntax.push({
          file: show(name),
          line: 0,
          column: 0,
          path: "",
          message: "is not read: no inventory file has this name",
          suggestion: meant,
        });
      }
      continue;
    }
    seen.add(role);
    const file = show(name);
    const text = files[name] ?? "";
    const read = readYaml(file, text);
    if (!read.ok) {
      syntax.push(...read.problems);
      data.unreadable.add(role);
      continue;
    }
    locators.set(file, read.locate);
    collectFile(role, file, read.value, data);
  }

  const missingDir = missingFileDir(Object.keys(files));
  const showMissing = (name: string) => show(missingDir === "." ? name : posix.join(missingDir, name));
  for (const [role, name] of Object.entries(REQUIRED_FILES)) {
    if (!seen.has(role as FileRole)) {
      syntax.push({ file: showMissing(name), line: 0, column: 0, path: "", message: "file is missing" });
      data.unreadable.add(role as FileRole);
    }
  }
  if (!seen.has("sites")) {
    syntax.push({
      file: showMissing("sites/"),
      line: 0,
      column: 0,
      path: "",
      message: "no site files (sites/<kecamatan>.yaml)",
    });
    data.unreadable.add("sites");
  }

  runChecks(data);

  if (syntax.length === 0 && data.problems.length === 0 && data.city && data.datacenter) {
    return {
      ok: true,
      inventory: {
        city: data.city.value,
        tenants: data.tenants.items,
        targets: data.targets.items,
        sites: data.sites.items,
        links: data.links.items,
        datacenter: data.datacenter.value,
        services: data.services.items,
      },
    };
  }
  const problems = [...syntax, ...locateProblems(data.problems, locators)];
  problems.sort((x, y) =>
    x.file < y.file ? -1 : x.file > y.file ? 1 : x.line - y.line || x.column - y.column,
  );
  return { ok: false, problems };
}
