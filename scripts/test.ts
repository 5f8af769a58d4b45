// scripts/test: setup, then the vitest projects, ending with one line "N passed, N failed" read from
// vitest's own JSON report (see --help).
import { existsSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { ROOT } from "../toolchain/paths.ts";
import { $ } from "../toolchain/process.ts";
import { parseArgsOrExit } from "./lib/cli.ts";
import { testSummary } from "./lib/test-summary.ts";

const PROJECTS = ["unit", "integration", "e2e"] as const;

const USAGE = `Usage: scripts/test [--project NAME]... [FILTER...] [-- VITEST_ARGUMENT...]

The whole test suite: scripts/setup (installs whatever is missing, reuses the cache), then the unit,
integration (real Pulumi engine against the twin) and e2e (headless Chromium) vitest projects. Ends
with one line, "N passed, N failed".

  --project NAME    only this project (${PROJECTS.join(", ")}); may be repeated
  FILTER            only test files whose path contains FILTER
  -- ...            everything after -- goes to vitest as it is (e.g. -- --reporter=dot)
  -h, --help        show this help

Exit status: vitest's (0 when every test passed); 1 when setup failed (no test ran); 2 when the
arguments are wrong.`;

const args = parseArgsOrExit((argv) => {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      project: { type: "string", multiple: true, default: [] },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
    allowPositionals: true,
  });
  const unknown = values.project.filter((p) => !(PROJECTS as readonly string[]).includes(p));
  if (unknown.length > 0)
    throw new Error(`--project ${unknown.join(", ")}: not one of ${PROJECTS.join(", ")}`);
  return { help: values.help, vitest: [...values.project.flatMap((p) => ["--project", p]), ...positionals] };
}, USAGE);

const terminal = {
  stdio: ["ignore", "inherit", "inherit"] as ["ignore", "inherit", "inherit"],
  nothrow: true,
};

const setup = await $(terminal)`${join(ROOT, "scripts/setup")}`;
if (!setup.ok) {
  process.stderr.write("[test] setup failed (see above): no test ran\n");
  process.stdout.write("0 passed, 0 failed\n");
  process.exit(1);
}

await mkdir(join(ROOT, "out"), { recursive: true });
const report = join(ROOT, "out", "test-report.json");
await rm(report, { force: true });
const vitest = join(ROOT, "node_modules/vitest/vitest.mjs");
const json = `--outputFile.json=${report}`;
const run = await $({
  ...terminal,
  cwd: ROOT,
})`${process.execPath} ${vitest} run --reporter=default --reporter=json ${json} ${args.vitest}`;
let code = run.exitCode ?? 1;
if (existsSync(report)) {
  process.stdout.write(`${await testSummary(report)}\n`);
} else {
  process.stderr.write(
    "[test] vitest wrote no report (it did not start or crashed): no test result to count\n",
  );
  process.stdout.write("0 passed, 0 failed\n");
  if (code === 0) code = 1;
}
process.exit(code);
