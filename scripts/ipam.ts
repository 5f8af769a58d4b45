// Entry point: the IP/VLAN plan against its persisted lock (inventory/ipam-lock.yaml). Thin by
// design: the plan is model/analyses/ipam.ts, the lock reader model/load/ipam-lock.ts, the outputs
// scripts/ipam-cli/. See `scripts/ipam --help` and docs/ipam.md.
import { readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { type IpamResult, planIpam } from "../model/analyses/ipam.ts";
import { formatProblems, loadIpamLock } from "../model/load/index.ts";
import { IPAM_LOCK_FILE } from "../model/load/ipam-lock.ts";
import type { Inventory } from "../model/types.ts";
import { ROOT } from "../toolchain/paths.ts";
import { type IpamArgs, type IpamFormat, parseIpamArgs, USAGE } from "./ipam-cli/args.ts";
import { additionLines, exhaustionLines, lockAdditions } from "./ipam-cli/lock-diff.ts";
import { renderIpamLock } from "./ipam-cli/lock-yaml.ts";
import { renderNetboxPrefixesCsv } from "./ipam-cli/netbox-prefixes.ts";
import { renderNetboxVlansCsv } from "./ipam-cli/netbox-vlans.ts";
import { renderPlanJson } from "./ipam-cli/plan-json.ts";
import { renderSummary } from "./ipam-cli/summary.ts";
import {
  exitQuietlyOnClosedPipe,
  fail,
  loadInventoryOrExit,
  parseArgsOrExit,
  writeOutputOrExit,
} from "./lib/cli.ts";

exitQuietlyOnClosedPipe();

const args: IpamArgs = parseArgsOrExit(parseIpamArgs, USAGE);

const inventoryDir = args.inventory ?? join(ROOT, "inventory");
const lockPath = join(inventoryDir, IPAM_LOCK_FILE);
// Messages name the lock as the user would type it from where they stand (inside the repository).
const shortPath = relative(process.cwd(), lockPath);
const lockFile = shortPath === "" || shortPath.startsWith("..") ? lockPath : shortPath;

const inventory = await loadInventoryOrExit(inventoryDir, "nothing done");
const locked = await loadIpamLock(inventoryDir);
if (!locked.ok) {
  fail(
    `${formatProblems(locked.problems)}\n${locked.problems.length} problem(s) in the IPAM lock; nothing done.`,
  );
}
const plan = planIpam(inventory, locked.lock);
const added = lockAdditions(locked.lock, plan.lock);
const exhausted = exhaustionLines(plan);

async function currentLockText(): Promise<string | undefined> {
  try {
    return await readFile(lockPath, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

function render(format: IpamFormat, inv: Inventory, result: IpamResult): string {
  if (format === "csv-prefixes") return renderNetboxPrefixesCsv(inv, result);
  if (format === "csv-vlans") return renderNetboxVlansCsv(inv, result);
  return renderPlanJson(result);
}

const mode = args.mode;
if (mode.kind === "summary") {
  process.stdout.write(renderSummary(plan, added, lockFile));
} else if (mode.kind === "check") {
  const problems: string[] = [];
  if (added.length > 0) {
    problems.push(
      `${lockFile} lacks ${added.length} allocation(s) the inventory needs:`,
      ...additionLines(added),
    );
  }
  if (exhausted.length > 0) problems.push(...exhausted);
  // Same allocations but another text (unsorted, hand-formatted): the PR diff would not be the lock's.
  if (problems.length === 0 && (await currentLockText()) !== renderIpamLock(plan.lock)) {
    problems.push(`${lockFile} is not in the form scripts/ipam --write writes (sorted keys, one line each)`);
  }
  if (problems.length > 0) fail(`${problems.join("\n")}\n\nRun scripts/ipam --write and commit ${lockFile}.`);
  process.stdout.write(`OK ${lockFile} covers the inventory\n`);
} else if (mode.kind === "write") {
  // All or nothing: a lock that places some of a change's ids but not others would be half a plan.
  if (exhausted.length > 0) fail(`${exhausted.join("\n")}\nNothing written.`);
  const text = renderIpamLock(plan.lock);
  if ((await currentLockText()) === text) {
    process.stdout.write(`${lockFile} is up to date; nothing added\n`);
  } else {
    await writeOutputOrExit([text], lockPath);
    const lines =
      added.length > 0
        ? additionLines(added)
        : ["  (no new allocations; the file was rewritten in its canonical form)"];
    process.stdout.write(`Wrote ${lockFile}: ${added.length} new allocation(s)\n${lines.join("\n")}\n`);
  }
} else {
  const text = render(mode.format, inventory, plan);
  await writeOutputOrExit([text], args.out);
  if (args.out) process.stderr.write(`wrote ${args.out}\n`);
}
