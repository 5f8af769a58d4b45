// The engine's half of `scripts/audit apply`: `pulumi up --plan` (which checks every resource
// against the plan in its own preview before it touches any), a clear refusal when the plan no
// longer fits, and on success one sealed entry appended to the stack's audit log.
import { existsSync } from "node:fs";
import { appendFile, mkdir, readFile } from "node:fs/promises";
import { hostname, userInfo } from "node:os";
import { dirname, join, resolve } from "node:path";
import { logFile, readHistory, type StackFiles } from "../../audit/file-backend.ts";
import { formatEntry, type LogEntry, parseLog, sealEntry } from "../../audit/log.ts";
import { planViolations } from "../../audit/plan-violations.ts";
import { redact } from "../../audit/redact.ts";
import { REVIEW_FILES, type Review } from "../../audit/review.ts";
import { ROOT } from "../../toolchain/paths.ts";
import type { Pulumi } from "./pulumi-cli.ts";

export type ApplyResult = { ok: true; entry: LogEntry; log: string } | { ok: false; message: string };

export function policyArgs(policy: Review["policy"]): string[] {
  return [
    ...policy.packs.flatMap((p) => ["--policy-pack", resolve(ROOT, p)]),
    ...policy.configs.flatMap((c) => ["--policy-pack-config", resolve(ROOT, c)]),
  ];
}

function who(given: string | undefined): string {
  if (given) return given;
  if (process.env.BAUBAU_AUDIT_WHO) return process.env.BAUBAU_AUDIT_WHO;
  return `${userInfo().username}@${hostname()}`;
}

/** The engine's half: `pulumi up --plan` checks every resource against the plan before touching any. */
export async function applyPlan(
  p: Pulumi,
  files: StackFiles,
  dir: string,
  review: Review,
  whoGiven?: string,
): Promise<ApplyResult> {
  const planHash = review.planHash as string;
  const historyBefore = readHistory(files).length;
  const run = await p.run([
    "up",
    "--plan",
    join(resolve(dir), REVIEW_FILES.plan),
    "--yes",
    "--stack",
    review.stack,
    "--message",
    `scripts/audit apply: plan sha256:${planHash}`,
    ...policyArgs(review.policy),
  ]);
  const history = readHistory(files);
  if (run.code !== 0) {
    const violations = planViolations(`${run.stdout}\n${run.stderr}`);
    const partial = history.length > historyBefore;
    const what = violations.length
      ? `the plan no longer matches the program or the stack's state:\n  ${violations.join("\n  ")}`
      : `pulumi up failed (exit ${run.code}):\n${redact(`${run.stdout}\n${run.stderr}`).trim().split("\n").slice(-15).join("\n")}`;
    return {
      ok: false,
      message: `refused: ${what}\n${partial ? "The update started and failed part-way: see `pulumi stack history`; nothing was logged." : "Nothing was changed (the engine checks the plan before it touches any resource)."} Make a new review with scripts/audit preview.`,
    };
  }
  const update = history.at(-1);
  if (!update || history.length === historyBefore || !update.checkpointHash) {
    return {
      ok: false,
      message: "pulumi up succeeded but left no new update in the stack's history; nothing was logged",
    };
  }
  const log = logFile(files);
  await mkdir(dirname(log), { recursive: true, mode: 0o700 });
  const existing = existsSync(log) ? parseLog(await readFile(log, "utf8")).entries : [];
  const entry = sealEntry(
    {
      time: new Date().toISOString(),
      who: who(whoGiven),
      stack: review.stack,
      planHash,
      reportHash: review.reportHash,
      summary: update.resourceChanges ?? {},
      state: { update: update.id, hash: update.checkpointHash },
    },
    existing.at(-1)?.entry,
  );
  await appendFile(log, formatEntry(entry), { mode: 0o600 });
  return { ok: true, entry, log };
}
