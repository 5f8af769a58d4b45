// The Pulumi CLI as `scripts/audit` drives it: the cached engines, the project's file backend
// (or the one PULUMI_BACKEND_URL names), and the engine's event log switched on
// (`--event-log` exists only with PULUMI_DEBUG_COMMANDS=true).
import { fileURLToPath } from "node:url";
import { bin, ROOT } from "../../toolchain/paths.ts";
import { $ } from "../../toolchain/process.ts";
import { ensureFileBackend, pulumiEnv } from "../../toolchain/pulumi-state.ts";

export const PROJECT = "baubau-smartcity";

export interface PulumiRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface Pulumi {
  run(args: string[], opts?: { inherit?: boolean }): Promise<PulumiRun>;
  /** The file backend's directory, or undefined when the state lives elsewhere. */
  backendDir: string | undefined;
}

/** `extra` overrides the environment (tests point it at a throw-away backend); `cwd` the project folder. */
export async function pulumiCli(extra: Record<string, string> = {}, cwd: string = ROOT): Promise<Pulumi> {
  const state = await ensureFileBackend();
  const env = pulumiEnv(state, { PULUMI_DEBUG_COMMANDS: "true", ...extra });
  // A passphrase given outright wins over the project's passphrase file.
  if (extra.PULUMI_CONFIG_PASSPHRASE) delete env.PULUMI_CONFIG_PASSPHRASE_FILE;
  const url = env.PULUMI_BACKEND_URL ?? "";
  const backendDir = url.startsWith("file://") ? fileURLToPath(url) : undefined;
  return {
    backendDir,
    async run(args, opts = {}) {
      const pulumi = $({ cwd, env, nothrow: true })`${bin.pulumi} ${[...args, "--non-interactive"]}`;
      if (opts.inherit) pulumi.stderr.on("data", (d: Buffer) => process.stderr.write(d));
      const r = await pulumi;
      return { code: r.exitCode ?? 1, stdout: r.stdout, stderr: r.stderr };
    },
  };
}

/** stdout, or an error that carries what the CLI said. */
export async function pulumiOk(p: Pulumi, args: string[]): Promise<string> {
  const r = await p.run(args);
  if (r.code !== 0)
    throw new Error(`pulumi ${args.join(" ")} exited ${r.code}: ${(r.stderr || r.stdout).trim()}`);
  return r.stdout;
}
