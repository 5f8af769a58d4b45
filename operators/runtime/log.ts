// Structured logs: one JSON object per line (time, level, message, then fields such as the object
// key and reconcile id), so log pipelines can index them without parsing prose.
export type Level = "debug" | "info" | "error";
export type Fields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: Fields): void;
  info(msg: string, fields?: Fields): void;
  error(msg: string, fields?: Fields): void;
  /** A logger that adds `fields` to every line. */
  with(fields: Fields): Logger;
}

const RANK: Record<Level, number> = { debug: 0, info: 1, error: 2 };

/** Errors become their message (and HTTP status when the client attached one), never a stack dump. */
function plain(value: unknown): unknown {
  if (value instanceof Error) {
    const code =
      (value as { code?: unknown; statusCode?: unknown }).code ??
      (value as { statusCode?: unknown }).statusCode;
    return code === undefined ? value.message : `${value.message} (${String(code)})`;
  }
  return value;
}

export function jsonLogger(
  opts: { write?: (line: string) => void; level?: Level; base?: Fields } = {},
): Logger {
  const write = opts.write ?? ((line: string) => process.stderr.write(line));
  const min = RANK[opts.level ?? "info"];
  const make = (base: Fields): Logger => {
    const emit = (level: Level, msg: string, fields?: Fields) => {
      if (RANK[level] < min) return;
      const line: Fields = { ts: new Date().toISOString(), level, msg, ...base };
      for (const [k, v] of Object.entries(fields ?? {})) line[k] = plain(v);
      write(`${JSON.stringify(line)}\n`);
    };
    return {
      debug: (m, f) => emit("debug", m, f),
      info: (m, f) => emit("info", m, f),
      error: (m, f) => emit("error", m, f),
      with: (fields) => make({ ...base, ...fields }),
    };
  };
  return make(opts.base ?? {});
}

/** For tests and libraries that must stay quiet. */
export const silentLogger: Logger = jsonLogger({ write: () => {} });
