// Writes chunked output to a file or standard output, waiting when the stream's buffer is full, so a
// national-scale export never sits in memory twice nor meets V8's string length limit.

import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
import { batched, type Chunks } from "./chunks.ts";

export async function writeChunks(chunks: Chunks, file?: string): Promise<void> {
  const stream = file ? createWriteStream(file) : process.stdout;
  for (const chunk of batched(chunks)) {
    if (!stream.write(chunk)) await once(stream, "drain");
  }
  if (file) {
    stream.end();
    await finished(stream);
  }
}
