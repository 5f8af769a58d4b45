// How the toolkit runs the Pulumi engine on its stacks, measured in bench/stack.ts
// (docs/benchmarks.md#stack). Why each setting is safe for stacks made only of Kubernetes objects:
// docs/stacks.md, "Engine settings".
import { lstatSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Resource operations at once (`pulumi up --parallel`). The CLI's default is 4 per CPU, 8 on the
 * data center's 2-core runners; most operations wait on the API server, not on a CPU.
 */
export const PULUMI_PARALLEL = 32;

/**
 * Engine environment defaults; a value the user set in the environment wins. Without
 * PULUMI_SKIP_CHECKPOINTS the engine rewrites the whole state (3 MB for the data center, plus its
 * backup) after every one of the stack's ~1,000 steps, which took most of an `up`.
 * NODE_COMPILE_CACHE keeps V8's compiled code of the program's modules between runs: the Pulumi SDK
 * loads its closure serializer (a bundled TypeScript compiler, npm's arborist) before the program's
 * first line, and compiling them was half a second of every `up` and preview before any resource.
 */
export function pulumiEngineDefaults(
  compileCacheDir: string,
  env: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  return {
    PULUMI_SKIP_CHECKPOINTS: env.PULUMI_SKIP_CHECKPOINTS ?? "true",
    NODE_COMPILE_CACHE: env.NODE_COMPILE_CACHE ?? compileCacheDir,
  };
}

/** What the toolkit's engine home holds instead of Pulumi's `logs` directory. */
export const AUTOMATIC_LOGS_OFF = `Pulumi's automatic logs are off in the toolkit's engine home: the CLI writes no log where
it cannot make this directory (toolchain/pulumi-engine.ts, docs/stacks.md "Engine settings").
Run with BAUBAU_PULUMI_LOGS=keep to have them again, e.g. for \`pulumi logs share\`.
`;

/**
 * The pinned CLI (3.274) writes a debug-level JSON log of every command into `$PULUMI_HOME/logs`,
 * compressed and encrypted, up to 500 MB before rotation, with no setting to turn it off; for the
 * data center that is a quarter of the engine's CPU in an `up` (pprof: 3.6 -> 2.7 CPU-s). When the
 * directory cannot be made the CLI carries on without it, so the toolkit's own home holds a file of
 * that name. BAUBAU_PULUMI_LOGS=keep gives the directory back.
 */
export function prepareEngineHome(home: string, env: NodeJS.ProcessEnv = process.env): void {
  const logs = join(home, "logs");
  const found = lstatSync(logs, { throwIfNoEntry: false });
  if (env.BAUBAU_PULUMI_LOGS === "keep") {
    if (found?.isFile()) rmSync(logs, { force: true });
    return;
  }
  if (found?.isFile()) return;
  if (found) rmSync(logs, { recursive: true, force: true });
  mkdirSync(home, { recursive: true });
  writeFileSync(logs, AUTOMATIC_LOGS_OFF);
}
