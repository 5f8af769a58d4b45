// Large outputs as a sequence of string chunks. A national inventory's GeoJSON or JSON report is about
// V8's maximum string length (~512 MiB) as one string; written chunk by chunk it has no such ceiling.
export type Chunks = Iterable<string>;

/** Joins small pieces into chunks of about `size` characters, so a writer makes few large writes. */
export function* batched(parts: Chunks, size = 1 << 20): Generator<string> {
  let buffer: string[] = [];
  let length = 0;
  for (const part of parts) {
    buffer.push(part);
    length += part.length;
    if (length >= size) {
      yield buffer.join("");
      buffer = [];
      length = 0;
    }
  }
  if (length > 0) yield buffer.join("");
}

/** The whole output as one string: for tests and small inventories. */
export function joinChunks(chunks: Chunks): string {
  return [...chunks].join("");
}

/** A JSON array with one compact item per line: diffs line by line, and streams. */
export function* jsonLinesArray<T>(
  items: Iterable<T>,
  indent: string,
  toJson: (item: T) => unknown,
): Generator<string> {
  yield "[";
  let first = true;
  for (const item of items) {
    yield `${first ? "\n" : ",\n"}${indent}${JSON.stringify(toJson(item))}`;
    first = false;
  }
  yield first ? "]" : `\n${indent.slice(2)}]`;
}
