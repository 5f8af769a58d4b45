// What every entry point in scripts/ does the same way: argument errors with the usage (exit 2), --help
// (exit 0), a quiet exit when the reader closes the pipe, a precise message when standard output cannot
// be written, and loading the inventory or stopping on its problems (exit 1). The argument helpers
// themselves are in args.ts (the operator process loads them without the model).
import { formatProblems, loadInventory, loadNetworkInventory } from "../../model/load/index.ts";
import type { Inventory, NetworkInventory } from "../../model/types.ts";
import type { Chunks } from "../../reports/chunks.ts";
import { fail } from "./args.ts";
import { describeWriteError, OutputError, writeOutput } from "./write-output.ts";

export { fail, parseArgsOrExit, usageError } from "./args.ts";

/**
 * `cmd | head` closes the pipe early; that is the reader's choice, not an error. Any other failure to
 * write standard output (`> /dev/full`) ends with what went wrong instead of a stack trace.
 */
export function exitQuietlyOnClosedPipe(): void {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    fail(`cannot write standard output: ${describeWriteError(error)}`);
  });
}

/** The inventory, or every problem in compiler format and exit 1 (`consequence` says what was not done). */
export async function loadInventoryOrExit(dir: string, consequence: string): Promise<Inventory> {
  return orExit(await loadInventory(dir), consequence);
}

/** The fiber network's inventory (datacenter.yaml optional): a directory or one network file. */
export async function loadNetworkInventoryOrExit(
  path: string,
  consequence: string,
): Promise<NetworkInventory> {
  return orExit(await loadNetworkInventory(path), consequence);
}

function orExit<T>(
  loaded: { ok: true; inventory: T } | { ok: false; problems: Parameters<typeof formatProblems>[0] },
  consequence: string,
): T {
  if (!loaded.ok) {
    fail(
      `${formatProblems(loaded.problems)}\n${loaded.problems.length} problem(s) in the inventory; ${consequence}.`,
    );
  }
  return loaded.inventory;
}

/** Writes the output (see write-output.ts); one line saying why and exit 1 when it cannot be written. */
export async function writeOutputOrExit(chunks: Chunks, file?: string): Promise<void> {
  try {
    await writeOutput(chunks, file);
  } catch (error) {
    if (error instanceof OutputError) fail(`${error.message}; nothing written.`);
    throw error;
  }
}
