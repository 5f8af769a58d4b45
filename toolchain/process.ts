// The one way the scripts, the twin and the toolchain run a child process: zx's `$`, set up once.
// Arguments interpolated into the template are quoted by zx (an array becomes one quoted word each);
// output is captured, not echoed (`quiet`); stdin is closed. A non-zero exit rejects with zx's
// ProcessOutput (exitCode, stdout, stderr) unless `nothrow` is given.
import { spawn } from "node:child_process";
import { ProcessOutput, $ as zx } from "zx";

export const $ = zx({
  quiet: true,
  stdio: ["ignore", "pipe", "pipe"],
  // zx gives spawn its whole bash command line with an empty argument list; Node 24 warns (DEP0190)
  // about any argument list given together with `shell`, so an empty one is left out.
  spawn: ((command: string, args: readonly string[], options: Parameters<typeof spawn>[2]) =>
    args.length > 0 ? spawn(command, args, options) : spawn(command, options)) as typeof spawn,
});

/** What a failed command said, for a one-line message: its stderr, else its stdout, else how it ended. */
export function failureText(error: unknown): string {
  if (!(error instanceof ProcessOutput)) return error instanceof Error ? error.message : String(error);
  const said = (error.stderr || error.stdout).trim();
  if (said) return said;
  return error.signal ? `killed by ${error.signal}` : `exit code ${error.exitCode}`;
}
