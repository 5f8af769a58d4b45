// How the toolkit runs the Pulumi engine on its stacks, measured in bench/stack.ts
// (docs/benchmarks.md#stack). Why each setting is safe for stacks made only of Kubernetes objects:
// docs/stacks.md, "Engine settings".

/**
 * Resource operations at once (`pulumi up --parallel`). The CLI's default is 4 per CPU, 8 on the
 * data center's 2-core runners; most operations wait on the API server, not on a CPU.
 */
export const PULUMI_PARALLEL = 32;

/**
 * Engine environment defaults; a value the user set in the environment wins. Without
 * PULUMI_SKIP_CHECKPOINTS the engine rewrites the whole state (3 MB for the data center, plus its
 * backup) after every one of the stack's ~1,000 steps, which took most of an `up`.
 */
export function pulumiEngineDefaults(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return { PULUMI_SKIP_CHECKPOINTS: env.PULUMI_SKIP_CHECKPOINTS ?? "true" };
}
