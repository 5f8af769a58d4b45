// What every entry point in scripts/ does the same way: argument errors with the usage, --help,
// a quiet exit when the reader closes the pipe, and loading the inventory or stopping on its problems.
import { formatProblems, loadInventory } from "../../model/load/index.ts";
import type { Inventory } from "../../model/types.ts";

export function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** `cmd | head` closes the pipe early; that is the reader's choice, not an error. */
export function exitQuietlyOnClosedPipe(): void {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
}

/** Parses argv with `parse`; on a bad argument prints it with the usage and exits 1; handles --help. */
export function parseArgsOrExit<T extends { help?: boolean }>(
  parse: (argv: string[]) => T,
  usage: string,
): T {
  let args: T;
  try {
    args = parse(process.argv.slice(2));
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
  }
  if (args.help) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  return args;
}

/** The inventory, or every problem in compiler format and exit 1 (`consequence` says what was not done). */
export async function loadInventoryOrExit(dir: string, consequence: string): Promise<Inventory> {
  const loaded = await loadInventory(dir);
  if (!loaded.ok) {
    fail(
      `${formatProblems(loaded.problems)}\n${loaded.problems.length} problem(s) in the inventory; ${consequence}.`,
    );
  }
  return loaded.inventory;
}
