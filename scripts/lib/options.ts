// The options the entry points declare alike: long names, strict (an unknown option is an error with
// its name), no positional arguments, and -h/--help. Throws node:util's error for parseArgsOrExit
// (cli.ts) to print with the usage.
import { parseArgs } from "node:util";

type Kind = "string" | "boolean";
export type Options<S extends Record<string, Kind>> = {
  [K in keyof S]?: S[K] extends "string" ? string : boolean;
} & { help?: boolean };

export function parseOptions<const S extends Record<string, Kind>>(argv: string[], spec: S): Options<S> {
  const options: Record<string, { type: Kind; short?: string }> = { help: { type: "boolean", short: "h" } };
  for (const [name, type] of Object.entries(spec)) options[name] = { type };
  return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values as Options<S>;
}
