// Validates the inventory: `scripts/validate [--format text|json] [PATH ...]` (see --help). Prints counts,
// or every problem in compiler format and exits 1, so CI and editors can point at file:line:column.
import { existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { formatProblems, loadInventory, type Problem } from "../model/load/index.ts";
import type { Inventory } from "../model/types.ts";
import { ROOT } from "../toolchain/paths.ts";
import { exitQuietlyOnClosedPipe, fail, parseArgsOrExit, usageError } from "./lib/cli.ts";
import { parseValidateArgs, USAGE, type ValidateArgs } from "./validate-args.ts";

exitQuietlyOnClosedPipe();

const args: ValidateArgs = parseArgsOrExit(parseValidateArgs, USAGE);

interface Target {
  /** The inventory directory (or file) to load, as problems should name it. */
  inventory: string;
  /** Absolute paths of the files whose problems are listed; all problems when undefined. */
  only?: Set<string>;
}

/** As the user would type it from here: relative inside the working directory, absolute outside. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === "" ? "." : rel.startsWith("..") ? path : rel;
}

/** The inventory a YAML file belongs to: the nearest folder at or above it with a city.yaml. */
function inventoryOf(file: string): string | undefined {
  for (let dir = dirname(resolve(file)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, "city.yaml"))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

async function target(paths: string[]): Promise<Target> {
  if (paths.length === 0) return { inventory: join(ROOT, "inventory") };
  const yaml = paths.filter((p) => /\.ya?ml$/i.test(p));
  if (yaml.length === 0) {
    if (paths.length > 1) usageError("give one inventory directory, or YAML files of one inventory", USAGE);
    return { inventory: paths[0] as string };
  }
  if (yaml.length < paths.length) {
    usageError("give one inventory directory or YAML files of one inventory, not both", USAGE);
  }
  const roots = new Set<string>();
  for (const file of yaml) {
    const st = await stat(file).catch(() => undefined);
    if (!st?.isFile()) fail(`${file}: ${st ? "not a file" : "no such file"}`);
    const root = inventoryOf(file);
    if (root === undefined) fail(`${file} is not in an inventory: no city.yaml in its folder or above`);
    roots.add(root);
  }
  if (roots.size > 1) {
    usageError(`the files are in different inventories: ${[...roots].map(shown).join(", ")}`, USAGE);
  }
  return { inventory: shown([...roots][0] as string), only: new Set(yaml.map((f) => resolve(f))) };
}

function counts(inv: Inventory) {
  const sitesByStatus: Record<string, number> = {};
  for (const s of inv.sites)
    sitesByStatus[s.connection.status] = (sitesByStatus[s.connection.status] ?? 0) + 1;
  const dc = inv.datacenter;
  return {
    city: { name: inv.city.name, code: inv.city.code },
    kecamatan: inv.city.kecamatan.length,
    kelurahan: inv.city.kecamatan.reduce((n, k) => n + k.kelurahan.length, 0),
    tenants: inv.tenants.length,
    targets: inv.targets.length,
    sites: inv.sites.length,
    sitesByStatus,
    links: inv.links.length,
    datacenter: {
      id: dc.id,
      components: dc.components.length,
      racks: dc.racks.length,
      servers: dc.servers.length,
      clusters: dc.clusters.length,
    },
  };
}

function textReport(dir: string, ms: number, c: ReturnType<typeof counts>): string {
  const statuses = Object.entries(c.sitesByStatus).map(([s, n]) => `${s} ${n}`);
  const dc = c.datacenter;
  return [
    `OK ${dir} (${ms} ms)`,
    `  city      ${c.city.name} (${c.city.code}): ${c.kecamatan} kecamatan, ${c.kelurahan} kelurahan`,
    `  tenants   ${c.tenants}`,
    `  targets   ${c.targets}`,
    `  sites     ${c.sites} (${statuses.join(", ")})`,
    `  links     ${c.links}`,
    `  dc        ${dc.id}: ${dc.components} components, ${dc.racks} racks, ${dc.servers} servers, ${dc.clusters} clusters`,
    "",
  ].join("\n");
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

const { inventory: dir, only } = await target(args.paths);
const started = performance.now();
const result = await loadInventory(dir);
const ms = Math.round(performance.now() - started);

const involves = (p: Problem) =>
  only === undefined ||
  only.has(resolve(p.file)) ||
  (p.related !== undefined && only.has(resolve(p.related.file)));
const problems = result.ok ? [] : result.problems;
const listed = problems.filter(involves);
const otherProblems = problems.length - listed.length;

if (args.format === "json") {
  const report = result.ok
    ? { inventory: dir, ok: true, problems: [], otherProblems: 0, counts: counts(result.inventory) }
    : { inventory: dir, ok: false, problems: listed, otherProblems };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} else if (result.ok) {
  process.stdout.write(textReport(dir, ms, counts(result.inventory)));
} else {
  if (listed.length > 0) process.stderr.write(`${formatProblems(listed)}\n\n`);
  const summary =
    only === undefined
      ? `${plural(problems.length, "problem")} in ${dir} (${ms} ms)`
      : `${plural(listed.length, "problem")} in or about the given files; ${otherProblems} more in other files of ${dir} ` +
        `(scripts/validate ${dir} lists them) (${ms} ms)`;
  process.stderr.write(`${summary}\n`);
}
if (!result.ok) process.exitCode = 1;
