// The whole loader without the disk: files in, an inventory or every problem out. Tests and the
// benchmark call this directly with in-memory texts.
import { posix } from "node:path";
import { runChecks } from "./checks/index.ts";
import { collectFile, emptyCollected } from "./collect.ts";
import { type FileRole, nearMissOf, REQUIRED_FILES, roleOf } from "./files.ts";
import {
  collectNetworkFile,
  type NetworkRead,
  networkFormatOf,
  placeProblems,
  readNetworkFile,
} from "./formats/index.ts";
import { type Locator, locateProblems } from "./locate.ts";
import type { Problem } from "./problem.ts";
import type { LoadResult, NetworkLoadResult } from "./result.ts";
import { suggest } from "./suggest.ts";
import { readYaml } from "./yaml-source.ts";

export interface ParseOptions {
  /** Prefix shown before each file name in problems, e.g. "inventory". */
  root?: string;
  /** Network files already read (NDJSON streamed from disk by load.ts), by name as in `files`. */
  preRead?: Readonly<Record<string, ReturnType<typeof readNetworkFile>>>;
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

/** The whole inventory, its data center included (stacks, twin, validate). */
export function parseInventory(
  files: Readonly<Record<string, string>>,
  options: ParseOptions = {},
): LoadResult {
  return parseFiles(files, options, true) as LoadResult;
}

/** The fiber network's inventory (the coverage report): datacenter.yaml is not read, since nothing of
 * the network needs it (a broken one stops the stacks, not the report); a package from another
 * publisher may stand alone. */
export function parseNetworkInventory(
  files: Readonly<Record<string, string>>,
  options: ParseOptions = {},
): NetworkLoadResult {
  return parseFiles(files, options, false);
}

function parseFiles(
  files: Readonly<Record<string, string>>,
  options: ParseOptions,
  needsDatacenter: boolean,
): NetworkLoadResult {
  const show = (name: string) => (options.root ? posix.join(options.root, name) : name);
  const data = emptyCollected();
  const syntax: Problem[] = [];
  const locators = new Map<string, Locator>();
  const seen = new Set<FileRole>();
  const networkReads = new Map<string, NetworkRead>();
  let derived: { file: string; city: NonNullable<NetworkRead["derivedCity"]> } | undefined;

  const names = [...new Set([...Object.keys(files), ...Object.keys(options.preRead ?? {})])].sort();
  for (const name of names) {
    // OFDS, GeoJSON and NDJSON files hold sites and links, whatever folder they are in.
    const format = networkFormatOf(name);
    if (format !== undefined) {
      const file = show(name);
      seen.add("sites");
      seen.add("links");
      const result = options.preRead?.[name] ?? readNetworkFile(format, file, files[name] ?? "");
      if (!result.ok) {
        syntax.push(...result.problems);
        data.unreadable.add("sites");
        data.unreadable.add("links");
        continue;
      }
      networkReads.set(file, result.read);
      if (result.read.partial) {
        data.unreadable.add("sites");
        data.unreadable.add("links");
      }
      syntax.push(...result.read.fileProblems);
      collectNetworkFile(file, result.read, data);
      if (result.read.derivedCity && !derived) derived = { file, city: result.read.derivedCity };
      continue;
    }
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
    if (role === "datacenter" && !needsDatacenter) continue;
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

  // A package from another publisher, alone: its nodes give the city, and there are no tenants,
  // targets or data center to check against (ofds-foreign.ts).
  const contextRoles = Object.keys(REQUIRED_FILES) as FileRole[];
  const alone = derived !== undefined && !contextRoles.some((role) => seen.has(role));
  if (alone && derived) {
    data.city = { file: derived.file, value: derived.city };
    // The data center is still required where the caller needs one (parseInventory).
    for (const role of contextRoles) if (role !== "datacenter") seen.add(role);
  }

  const missingDir = missingFileDir(names);
  const showMissing = (name: string) => show(missingDir === "." ? name : posix.join(missingDir, name));
  for (const [role, name] of Object.entries(REQUIRED_FILES)) {
    if (role === "datacenter" && !needsDatacenter) continue;
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

  if (
    syntax.length === 0 &&
    data.problems.length === 0 &&
    data.city &&
    (data.datacenter || !needsDatacenter)
  ) {
    return {
      ok: true,
      inventory: {
        city: data.city.value,
        tenants: data.tenants.items,
        targets: data.targets.items,
        sites: data.sites.items,
        links: data.links.items,
        ...(data.datacenter ? { datacenter: data.datacenter.value } : {}),
        services: data.services.items,
      },
    };
  }
  // Causes first (duplicate ids), then by file and position, as compilers list them.
  const located = placeProblems(data.problems, networkReads, (drafts) => locateProblems(drafts, locators));
  const rows = [
    ...syntax.map((problem) => ({ problem, leads: false })),
    ...located.map((problem, i) => ({ problem, leads: data.problems[i]?.leads === true })),
  ];
  rows.sort(
    ({ problem: x, leads: lx }, { problem: y, leads: ly }) =>
      Number(ly) - Number(lx) ||
      (x.file < y.file ? -1 : x.file > y.file ? 1 : x.line - y.line || x.column - y.column),
  );
  return { ok: false, problems: rows.map((r) => r.problem) };
}
