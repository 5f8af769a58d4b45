// Step-by-step progress with elapsed times: a silent hour of compiling looks like a hang.

const bold = (s: string) => (process.stderr.isTTY ? `\x1b[1m${s}\x1b[0m` : s);

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${(ms / 1000).toFixed(1)}s`;
  const m = Math.floor(s / 60);
  return `${m}m${String(s % 60).padStart(2, "0")}s`;
}

export function log(scope: string, message: string): void {
  process.stderr.write(`${bold(`[${scope}]`)} ${message}\n`);
}

export interface StepResult {
  name: string;
  ms: number;
  outcome: string;
}

/** Runs named steps in order, printing "▶ step i/n" before and "✔ … (elapsed)" after each. */
export class Steps {
  readonly results: StepResult[] = [];
  private readonly started = Date.now();
  private readonly scope: string;
  private readonly total: number;

  constructor(scope: string, total: number) {
    this.scope = scope;
    this.total = total;
  }

  async run<T>(
    name: string,
    fn: () => Promise<T>,
    describe: (value: T) => string = () => "done",
  ): Promise<T> {
    const index = this.results.length + 1;
    log(this.scope, `▶ ${index}/${this.total} ${name}`);
    const t0 = Date.now();
    try {
      const value = await fn();
      const ms = Date.now() - t0;
      const outcome = describe(value);
      this.results.push({ name, ms, outcome });
      log(
        this.scope,
        `✔ ${name}: ${outcome} (${formatDuration(ms)}, total ${formatDuration(Date.now() - this.started)})`,
      );
      return value;
    } catch (err) {
      log(this.scope, `✘ ${name} failed after ${formatDuration(Date.now() - t0)}`);
      throw err;
    }
  }

  elapsed(): number {
    return Date.now() - this.started;
  }
}

/** Prints "still working" every interval until stopped, with a caller-supplied detail. */
export function heartbeat(scope: string, what: string, detail: () => string, everyMs = 30_000): () => void {
  const t0 = Date.now();
  const timer = setInterval(() => {
    log(scope, `… ${what}: ${detail()} (${formatDuration(Date.now() - t0)} so far)`);
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
