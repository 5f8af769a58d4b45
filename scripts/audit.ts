// scripts/audit — review a stack change before it happens and prove afterwards what was applied.
//   preview  run `pulumi preview --json --save-plan --event-log`, compare the inventory on both
//            sides, write a review folder (saved preview, plan, report.md, report.html) and print
//            the Markdown report (fits a PR comment)
//   report   render a review folder's report again (byte-identical to the saved one)
//   apply    apply exactly the reviewed plan (`pulumi up --plan`), or refuse; log the update
//   verify   check the stack's audit log: chain intact, every entry's state in the stack's history
// The work is in audit/; this file runs the engine and the file system around it.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { diffInventories } from "../audit/domain.ts";
import { currentStateHash, logFile, readHistory, type StackFiles } from "../audit/file-backend.ts";
import { sha256 } from "../audit/hash.ts";
import { parseLog, verifyChain, verifyState } from "../audit/log.ts";
import { MIN_SECRET_LENGTH, redact, secretConfigValues } from "../audit/redact.ts";
import { renderReport } from "../audit/render.ts";
import { buildReport } from "../audit/report.ts";
import { changedReviewFiles, REVIEW_FILES, type Review, readReview, renderReview } from "../audit/review.ts";
import { parseSavedPreview } from "../audit/saved-preview.ts";
import { formatProblems, loadInventory } from "../model/load/index.ts";
import type { Inventory } from "../model/types.ts";
import { ROOT, STATE_DIR } from "../toolchain/paths.ts";
import { applyPlan, policyArgs } from "./lib/audit-apply.ts";
import { exitQuietlyOnClosedPipe, fail, usageError } from "./lib/cli.ts";
import { inventoryAtRevision, programChanges, programFiles } from "./lib/program-files.ts";
import { PROJECT, type Pulumi, pulumiCli, pulumiOk } from "./lib/pulumi-cli.ts";

const USAGE = `Usage: scripts/audit <command> [options]

  preview [--stack S] [--base REV | --base-inventory DIR] [--out DIR] [--policy-pack DIR [--policy-pack-config FILE]]...
      Preview the stack with a saved plan and the engine's event log; write a review folder
      (default .pulumi-state/reviews/<stack>/<plan hash>) and print its Markdown report.
      The domain diff compares the inventory at git REV (default HEAD) with the one the stack
      deploys. Exit 0: applicable; 2: blocked by a mandatory policy, failed, or no plan.
  report DIR [--format md|html]
      Print the report of a review folder, rendered again from its saved files.
  apply DIR [--who NAME]
      Apply the reviewed plan with \`pulumi up --plan\`, or refuse when the review, the program
      or the stack's state changed since; append the update to the stack's audit log.
  verify [--stack S]
      Check the stack's audit log: edited, deleted, inserted or reordered entries, and entries
      whose state no longer matches the stack's history. Exit 1 when anything is found.
  -h, --help
      Show this help.

Exit status: as each command says; 1 when a step fails or apply refuses; 2 when the arguments are
wrong (as for a blocked preview: either way nothing was reviewed).`;

exitQuietlyOnClosedPipe();

const say = (m: string) => process.stderr.write(`[audit] ${m}\n`);

const { positionals, values } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        stack: { type: "string", default: process.env.BAUBAU_STACK ?? "twin" },
        base: { type: "string", default: "HEAD" },
        "base-inventory": { type: "string" },
        out: { type: "string" },
        "policy-pack": { type: "string", multiple: true },
        "policy-pack-config": { type: "string", multiple: true },
        format: { type: "string", default: "md" },
        who: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    return usageError(`${error instanceof Error ? error.message : error}`, USAGE);
  }
})();

if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

function stackFiles(p: Pulumi, stack: string): StackFiles {
  if (!p.backendDir) {
    fail(
      `the stack's state is not in a file backend (PULUMI_BACKEND_URL=${process.env.PULUMI_BACKEND_URL}); the audit log lives beside the state and needs one`,
    );
  }
  return { backendDir: p.backendDir, project: PROJECT, stack };
}

/** Policy packs: as given, else policy/ when it holds a pack (with its config for this stack). */
function policyOf(stack: string): Review["policy"] {
  const packs = values["policy-pack"] ?? [];
  if (packs.length) {
    return {
      packs: packs.map((p) => relative(ROOT, resolve(p))),
      configs: (values["policy-pack-config"] ?? []).map((c) => relative(ROOT, resolve(c))),
    };
  }
  if (!existsSync(join(ROOT, "policy", "PulumiPolicy.yaml"))) return { packs: [], configs: [] };
  const config = join("policy", "config", `${stack}.json`);
  return { packs: ["policy"], configs: existsSync(join(ROOT, config)) ? [config] : [] };
}

async function loadOrWarn(
  what: string,
  load: Promise<
    { ok: true; inventory: Inventory } | { ok: false; problems: Parameters<typeof formatProblems>[0] }
  >,
): Promise<Inventory | undefined> {
  const loaded = await load;
  if (loaded.ok) return loaded.inventory;
  say(
    `${what} has ${loaded.problems.length} problem(s); the report leaves out the domain diff:\n${formatProblems(loaded.problems)}`,
  );
  return undefined;
}

async function preview(): Promise<number> {
  const stack = values.stack as string;
  const p = await pulumiCli();
  await pulumiOk(p, ["stack", "select", "--create", stack]);
  const configJson = await pulumiOk(p, ["config", "--show-secrets", "--json", "--stack", stack]);
  const secrets = secretConfigValues(configJson);
  const short = secrets.filter((s) => s.length < MIN_SECRET_LENGTH).length;
  if (short)
    say(
      `warning: ${short} secret config value(s) shorter than ${MIN_SECRET_LENGTH} characters cannot be scrubbed from free text`,
    );
  const config = JSON.parse(configJson) as Record<string, { value?: string }>;
  const inventoryDir = resolve(ROOT, config["baubau:inventoryDir"]?.value ?? "inventory");

  const files = p.backendDir ? { backendDir: p.backendDir, project: PROJECT, stack } : undefined;
  const stateHash = files ? (currentStateHash(files) ?? null) : null;
  const program = await programFiles(stack, inventoryDir);
  const policy = policyOf(stack);

  const work = join(STATE_DIR, "reviews", `.tmp-${randomBytes(4).toString("hex")}`);
  await mkdir(work, { recursive: true, mode: 0o700 });
  const plan = join(work, REVIEW_FILES.plan);
  const rawEvents = join(work, "events.raw.jsonl");
  say(
    `previewing stack ${stack}${policy.packs.length ? ` with policy pack(s) ${policy.packs.join(", ")}` : ""}`,
  );
  const run = await p.run([
    "preview",
    "--json",
    "--save-plan",
    plan,
    "--event-log",
    rawEvents,
    "--stack",
    stack,
    ...policyArgs(policy),
  ]);
  if (!run.stdout.trim().startsWith("{")) {
    await rm(work, { recursive: true, force: true });
    return fail(
      `pulumi preview printed no JSON (exit ${run.code}):\n${redact(run.stderr || run.stdout, secrets).trim()}`,
    );
  }
  // Debug diagnostics echo resource inputs; they are not part of what is kept.
  const events = (existsSync(rawEvents) ? await readFile(rawEvents, "utf8") : "")
    .split("\n")
    .filter((l) => l.trim() && !l.includes('"severity":"debug"'))
    .map((l) => `${l}\n`)
    .join("");
  await rm(rawEvents, { force: true });
  const previewText = redact(run.stdout, secrets);
  const eventsText = redact(events, secrets);
  await writeFile(join(work, REVIEW_FILES.preview), previewText);
  await writeFile(join(work, REVIEW_FILES.events), eventsText);
  let planHash: string | undefined;
  if (run.code === 0 && existsSync(plan)) planHash = sha256(await readFile(plan));
  else await rm(plan, { force: true });

  const after = await loadOrWarn(inventoryDir, loadInventory(inventoryDir));
  let base: string | undefined;
  let before: Inventory | undefined;
  if (values["base-inventory"]) {
    const dir = resolve(values["base-inventory"]);
    base = relative(ROOT, dir).startsWith("..") ? dir : relative(ROOT, dir) || ".";
    before = await loadOrWarn(base, loadInventory(resolve(values["base-inventory"])));
  } else if (!relative(ROOT, inventoryDir).startsWith("..") && !isAbsolute(relative(ROOT, inventoryDir))) {
    const dir = relative(ROOT, inventoryDir);
    base = `${dir}/ at git ${values.base}`;
    before = await loadOrWarn(base, inventoryAtRevision(values.base as string, dir));
  } else {
    say(
      `the stack's inventory ${inventoryDir} is outside the repository: give --base-inventory for the domain diff`,
    );
  }
  const domain = before && after ? diffInventories(before, after) : undefined;
  if (domain) await writeFile(join(work, REVIEW_FILES.domain), `${JSON.stringify(domain, null, 2)}\n`);

  const saved = parseSavedPreview(previewText, eventsText);
  const input = {
    stack,
    preview: saved,
    ...(domain ? { domain } : {}),
    ...(planHash ? { planHash } : {}),
    ...(base ? { base } : {}),
  };
  const rendered = renderReport(input);
  const verdict = buildReport(input).verdict;
  await writeFile(join(work, REVIEW_FILES.markdown), rendered.markdown);
  await writeFile(join(work, REVIEW_FILES.html), rendered.html);
  const review: Review = {
    stack,
    applicable: verdict.ok,
    verdict: verdict.text,
    ...(planHash ? { planHash } : {}),
    reportHash: sha256(rendered.markdown),
    htmlHash: sha256(rendered.html),
    previewHash: sha256(previewText),
    eventsHash: sha256(eventsText),
    ...(domain ? { domainHash: sha256(await readFile(join(work, REVIEW_FILES.domain))) } : {}),
    ...(base ? { base } : {}),
    stateHash,
    program,
    policy,
  };
  await writeFile(join(work, REVIEW_FILES.review), `${JSON.stringify(review, null, 2)}\n`);

  const dest = values.out
    ? resolve(values.out)
    : join(STATE_DIR, "reviews", stack, (planHash ?? `not-applicable-${review.previewHash}`).slice(0, 16));
  await rm(dest, { recursive: true, force: true });
  await mkdir(dirname(dest), { recursive: true });
  await rename(work, dest);
  process.stdout.write(rendered.markdown);
  say(`review written to ${dest}`);
  say(
    verdict.ok ? `apply it with: scripts/audit apply ${relative(process.cwd(), dest) || "."}` : verdict.text,
  );
  return verdict.ok ? 0 : 2;
}

async function apply(): Promise<number> {
  const dir = positionals[1];
  if (!dir) return usageError("apply needs the review folder", USAGE);
  const review = readReview(resolve(dir));
  const moved = changedReviewFiles(resolve(dir), review);
  if (moved.length)
    return fail(
      `refused: ${moved.join(", ")} in ${dir} changed after the review; make a new review with scripts/audit preview`,
    );
  if (!review.applicable || !review.planHash)
    return fail(`refused: this review cannot be applied: ${review.verdict}`);

  const p = await pulumiCli();
  const files = stackFiles(p, review.stack);
  await pulumiOk(p, ["stack", "select", review.stack]);
  const stateBefore = currentStateHash(files) ?? null;
  if (stateBefore !== review.stateHash) {
    const last = readHistory(files).at(-1);
    return fail(
      `refused: the state of stack ${review.stack} changed since the review${last ? ` (latest update ${last.id}, ${last.kind} ${last.result ?? ""})` : ""}; ` +
        "the plan no longer describes what would happen. Make a new review with scripts/audit preview.",
    );
  }
  const config = JSON.parse(await pulumiOk(p, ["config", "--json", "--stack", review.stack])) as Record<
    string,
    { value?: string }
  >;
  const inventoryDir = resolve(ROOT, config["baubau:inventoryDir"]?.value ?? "inventory");
  const changed = programChanges(review.program, await programFiles(review.stack, inventoryDir));
  if (changed.length) {
    const shown =
      changed.slice(0, 10).join(", ") + (changed.length > 10 ? ` and ${changed.length - 10} more` : "");
    return fail(
      `refused: the program changed since the review (${shown}); make a new review with scripts/audit preview.`,
    );
  }
  say(`applying plan sha256:${review.planHash} to stack ${review.stack}`);
  const result = await applyPlan(p, files, dir, review, values.who);
  if (!result.ok) return fail(result.message);
  process.stdout.write(
    `applied plan sha256:${review.planHash} to stack ${review.stack}; audit log entry #${result.entry.seq} (${result.log})\n`,
  );
  return 0;
}

async function verify(): Promise<number> {
  const stack = values.stack as string;
  const p = await pulumiCli();
  const files = stackFiles(p, stack);
  const log = logFile(files);
  const history = readHistory(files);
  if (!existsSync(log)) {
    process.stdout.write(
      `no audit log for stack ${stack} yet (${log}); the stack's history has ${history.length} update(s)\n`,
    );
    return 0;
  }
  const { entries, findings } = parseLog(await readFile(log, "utf8"));
  const all = [...findings, ...verifyChain(entries), ...verifyState(entries, history, stack)];
  for (const f of all) process.stdout.write(`${log}${f.line ? `:${f.line}` : ""}: ${f.kind}: ${f.message}\n`);
  process.stdout.write(
    all.length
      ? `${all.length} problem(s) in the audit log of stack ${stack} (${entries.length} entries)\n`
      : `audit log of stack ${stack}: ${entries.length} entries, chain intact, every entry's state matches the stack's history\n`,
  );
  return all.length ? 1 : 0;
}

async function report(): Promise<number> {
  const dir = positionals[1];
  if (!dir) return usageError("report needs the review folder", USAGE);
  if (values.format !== "md" && values.format !== "html")
    return usageError(`--format must be md or html, not ${values.format}`, USAGE);
  const rendered = renderReview(resolve(dir), readReview(resolve(dir)));
  process.stdout.write(values.format === "html" ? rendered.html : rendered.markdown);
  return 0;
}

const commands: Record<string, () => Promise<number>> = { preview, report, apply, verify };
const command = commands[positionals[0] ?? ""];
if (!command) usageError(positionals[0] ? `unknown command ${positionals[0]}` : "no command given", USAGE);
try {
  process.exitCode = await (command as () => Promise<number>)();
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}`);
}
