// Writes a command's output to a file (--out) or to standard output, chunk by chunk, so a national-scale
// export never sits in memory twice nor meets V8's string length limit. A file is written whole or not
// at all: into a temporary file beside it, renamed over it at the end, removed on failure. What cannot be
// written (a directory, a read-only or pseudo file system, a full disk) becomes an OutputError naming the
// file and the reason, never a stack trace or a hang.
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir, open, realpath, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { batched, type Chunks } from "../../reports/chunks.ts";

export class OutputError extends Error {
  readonly file: string;

  constructor(file: string, reason: string) {
    super(`cannot write ${file}: ${reason}`);
    this.file = file;
  }
}

const REASONS: Record<string, string> = {
  EISDIR: "it is a directory",
  ENOTDIR: "a part of the path is a file, not a directory",
  ENOENT: "no such file or directory",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  EIO: "the device refused the write (I/O error)",
  EINVAL: "the file system does not take this file",
  ENAMETOOLONG: "the name is too long",
  ELOOP: "too many symbolic links",
};

/** A write error in words, with its code for searching: "read-only file system (EROFS)". */
export function describeWriteError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code !== undefined && REASONS[code] !== undefined) return `${REASONS[code]} (${code})`;
  return error instanceof Error ? error.message : String(error);
}

export async function writeOutput(chunks: Chunks, file?: string): Promise<void> {
  if (file === undefined) {
    for (const chunk of batched(chunks)) {
      if (!process.stdout.write(chunk)) await once(process.stdout, "drain");
    }
    return;
  }
  try {
    await writeWhole(chunks, file);
  } catch (error) {
    throw error instanceof OutputError ? error : new OutputError(file, describeWriteError(error));
  }
}

async function writeWhole(chunks: Chunks, file: string): Promise<void> {
  if (/[\\/]$/.test(file)) throw new OutputError(file, "the name ends with a slash; give a file name");
  // An existing symbolic link keeps pointing where it did: its target is what gets replaced.
  const path = await realpath(file).catch(() => resolve(file));
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) throw new OutputError(file, "it is a directory; give a file name");
  const stream = () => Readable.from(batched(chunks));
  if (existing !== undefined && !existing.isFile()) {
    // A device or a pipe (/dev/stdout, a FIFO) cannot be replaced by renaming; it is written in place.
    await pipeline(stream(), createWriteStream(path));
    return;
  }
  await makeParents(file, dirname(path));
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const handle = await open(temp, "wx").catch((error: unknown) => {
    throw new OutputError(file, `cannot create a file in ${dirname(path)}: ${describeWriteError(error)}`);
  });
  try {
    await pipeline(stream(), handle.createWriteStream());
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}

/**
 * Creates the missing folders one level at a time. (`mkdir -p` semantics through `recursive: true` loops
 * forever on /proc, where mkdir answers ENOENT under a folder that exists.)
 */
async function makeParents(file: string, dir: string): Promise<void> {
  const missing: string[] = [];
  for (let d = dir; (await stat(d).catch(() => undefined)) === undefined; d = dirname(d)) {
    if (dirname(d) === d) break;
    missing.unshift(d);
  }
  for (const d of missing) {
    try {
      await mkdir(d);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") continue;
      throw new OutputError(file, `cannot create the folder ${d}: ${describeWriteError(error)}`);
    }
  }
}
