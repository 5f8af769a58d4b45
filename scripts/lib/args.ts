// Arguments and exits the same way in every entry point: argument errors with the usage (exit 2),
// --help (exit 0). Imports nothing of ours, so the operator process (scripts/operator.ts, run by
// Node's own type stripping) can use it without loading the model.

/** Exit status for a command line the script does not understand (as getopt tools do). */
export const USAGE_EXIT = 2;

export function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

/** The message, then the usage, on standard error; exit 2. */
export function usageError(message: string, usage: string): never {
  fail(`${message}\n\n${usage}`, USAGE_EXIT);
}

/** Parses argv with `parse`; on a bad argument prints it with the usage and exits 2; handles --help. */
export function parseArgsOrExit<T extends { help?: boolean }>(
  parse: (argv: string[]) => T,
  usage: string,
): T {
  let args: T;
  try {
    args = parse(process.argv.slice(2));
  } catch (error) {
    usageError(error instanceof Error ? error.message : String(error), usage);
  }
  if (args.help) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  return args;
}
