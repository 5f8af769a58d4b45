// Runs an entry point of scripts/ as a real process (node + tsx, as the bash shims do) and collects
// what a user would see. `closeStdout` closes the reading end at once, as `| head -1` does.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "../../../toolchain/paths.ts";

export interface EntryResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runEntry(
  script: string,
  args: string[],
  options: { closeStdout?: boolean; cwd?: string } = {},
): Promise<EntryResult> {
  const tsx = join(ROOT, "node_modules/tsx/dist/loader.mjs");
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", `file://${tsx}`, join(ROOT, "scripts", script), ...args],
      {
        cwd: options.cwd ?? ROOT,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stdout = "";
    let stderr = "";
    if (options.closeStdout) child.stdout.destroy();
    else child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** What Node prints for an uncaught error: a stack frame line or the internal-module banner. */
export const STACK_TRACE = /^\s+at |node:internal|triggerUncaughtException/m;
