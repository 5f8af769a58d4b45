// scripts/audit-fixtures — capture real engine previews of the twin stack as the audit unit tests'
// fixtures (tests/unit/audit/fixtures/previews/). Runs tests/integration/audit.test.ts with
// BAUBAU_AUDIT_CAPTURE (a one-site change, a tenant removal, an RBAC widening against the twin),
// keeps what the report reads, and refuses to write anything shaped like a credential.
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { redact } from "../audit/redact.ts";
import { renderReport } from "../audit/render.ts";
import { readReview } from "../audit/review.ts";
import { parseSavedPreview } from "../audit/saved-preview.ts";
import { ROOT } from "../toolchain/paths.ts";
import { $ } from "../toolchain/process.ts";
import { CASES, credentialFindings, FIXTURES, trimEvents, trimPreview } from "./lib/audit-fixtures.ts";
import { exitQuietlyOnClosedPipe, fail, parseArgsOrExit } from "./lib/cli.ts";

const USAGE = `Usage: scripts/audit-fixtures [--from DIR] [--out DIR]

  Runs tests/integration/audit.test.ts against the twin (6 to 11 min on 2 cores) with
  BAUBAU_AUDIT_CAPTURE, then writes the saved previews it made, trimmed, to the fixtures folder.
  --from DIR   use a capture made before (BAUBAU_AUDIT_CAPTURE=DIR) instead of running the test
  --out DIR    where to write (default tests/unit/audit/fixtures/previews)
  -h, --help   show this help`;

const aboutSchema = z.object({
  stack: z.string(),
  prefix: z.string(),
  site: z.string(),
  removedTenant: z.string(),
  planted: z.string().min(6),
});

exitQuietlyOnClosedPipe();
const say = (m: string) => process.stderr.write(`[audit-fixtures] ${m}\n`);

const values = parseArgsOrExit(
  (args) =>
    parseArgs({
      args,
      options: { from: { type: "string" }, out: { type: "string" }, help: { type: "boolean", short: "h" } },
    }).values,
  USAGE,
);

async function capture(): Promise<string> {
  if (values.from) return values.from;
  const dir = await mkdtemp(join(tmpdir(), "baubau-audit-capture-"));
  say(`running tests/integration/audit.test.ts against the twin, capturing into ${dir}`);
  const vitest = join(ROOT, "node_modules", "vitest", "vitest.mjs");
  const env = { ...process.env, BAUBAU_AUDIT_CAPTURE: dir };
  const run = await $({
    cwd: ROOT,
    env,
    nothrow: true,
  })`node ${vitest} run --project integration tests/integration/audit.test.ts`;
  if (run.exitCode !== 0)
    fail(`the audit integration test failed; nothing written:\n${run.stdout}${run.stderr}`);
  return dir;
}

const from = await capture();
const aboutFile = join(from, "capture.json");
if (!existsSync(aboutFile))
  fail(`${aboutFile}: no such file; give a folder written with BAUBAU_AUDIT_CAPTURE`);
const about = aboutSchema.parse(JSON.parse(await readFile(aboutFile, "utf8")));
const out = values.out ?? FIXTURES;

const files: Record<string, string> = {};
const cases: Record<string, { planHash?: string; base?: string }> = {};
for (const [name, folder] of Object.entries(CASES)) {
  const dir = join(from, folder);
  const read = (f: string) => readFile(join(dir, f), "utf8");
  const [preview, events] = [await read("preview.json"), await read("events.jsonl")];
  const [trimmedPreview, trimmedEvents] = [trimPreview(preview), trimEvents(events)];
  files[`${name}/preview.json`] = trimmedPreview;
  files[`${name}/events.jsonl`] = trimmedEvents;
  // What is dropped is what the report never reads: the report must come out the same.
  const report = (p: string, e: string) =>
    renderReport({ stack: about.stack, preview: parseSavedPreview(p, e) }).markdown;
  if (report(trimmedPreview, trimmedEvents) !== report(preview, events))
    fail(`${name}: the trimmed preview gives another report than the captured one; nothing written`);
  if (existsSync(join(dir, "domain.json"))) files[`${name}/domain.json`] = await read("domain.json");
  // A review folder of scripts/audit (the RBAC one is a bare `pulumi preview` of a changed program).
  if (existsSync(join(dir, "review.json"))) {
    const review = readReview(dir);
    cases[name] = {
      ...(review.planHash ? { planHash: review.planHash } : {}),
      ...(review.base ? { base: review.base } : {}),
    };
  } else cases[name] = {};
}
files["capture.json"] = `${JSON.stringify({ ...about, cases }, null, 2)}\n`;

// scripts/audit scrubbed its files already; the bare preview went through nothing. Scrub again
// (the planted secret, credential shapes), then check: what is still found stops the write.
for (const [name, text] of Object.entries(files)) {
  if (name === "capture.json") continue;
  const scrubbed = redact(text, [about.planted]);
  if (scrubbed !== text) say(`${name}: scrubbed a secret the saved file still held`);
  files[name] = scrubbed;
}
const problems = Object.entries(files).flatMap(([name, text]) =>
  credentialFindings(text, name === "capture.json" ? [] : [about.planted]).map((f) => `${name}: ${f}`),
);
if (problems.length) fail(`refusing to write fixtures that hold credentials:\n  ${problems.join("\n  ")}`);

await rm(out, { recursive: true, force: true });
for (const [name, text] of Object.entries(files)) {
  await mkdir(join(out, name, ".."), { recursive: true });
  await writeFile(join(out, name), text);
}
const size = Object.values(files).reduce((n, t) => n + Buffer.byteLength(t), 0);
say(`wrote ${Object.keys(files).length} files (${Math.round(size / 1024)} KiB) to ${out}`);
if (!values.from) await rm(from, { recursive: true, force: true });
