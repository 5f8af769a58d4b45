// Serves families through prom-client: one Gauge per family, values replaced whole when a family
// changes (the model's once at start, the live SmartService families on every poll).
//
// /metrics is rendered once per change, not once per scrape: the values only move when set() is
// called, and rendering per request made 50 concurrent scrapers queue behind each other (bench/).
// The process and Node.js metrics (event-loop lag among them) live in their own registry, rendered at
// most once a second: reading them costs more than all the KPIs together.
import { collectDefaultMetrics, Gauge, Registry } from "prom-client";
import type { Family } from "./families.ts";

const PROCESS_METRICS_MAX_AGE_MS = 1000;

export class KpiRegistry {
  /** The KPI families (tests read values from it). */
  readonly registry = new Registry();
  private readonly process: Registry | undefined;
  private readonly gauges = new Map<string, Gauge>();
  private kpiText: Promise<string> | undefined;
  private processText: { at: number; text: Promise<string> } | undefined;
  /** The last response body and the two parts it was made of. */
  private body: { kpi: Promise<string>; process: unknown; bytes: Buffer } | undefined;

  constructor(options: { processMetrics: boolean }) {
    if (options.processMetrics) {
      this.process = new Registry();
      collectDefaultMetrics({ register: this.process });
    }
  }

  set(families: readonly Family[]): void {
    for (const f of families) {
      let gauge = this.gauges.get(f.name);
      if (gauge === undefined) {
        gauge = new Gauge({
          name: f.name,
          help: f.help,
          labelNames: f.labelNames,
          registers: [this.registry],
        });
        this.gauges.set(f.name, gauge);
      }
      gauge.reset();
      for (const s of f.samples) gauge.set(s.labels, s.value);
    }
    this.kpiText = undefined;
  }

  /** The /metrics body, encoded once per change of either part. */
  async metrics(): Promise<Buffer> {
    this.kpiText ??= this.registry.metrics();
    const kpiText = this.kpiText;
    if (this.process) {
      const now = Date.now();
      if (!this.processText || now - this.processText.at > PROCESS_METRICS_MAX_AGE_MS) {
        this.processText = { at: now, text: this.process.metrics() };
      }
    }
    const processText = this.processText;
    if (this.body && this.body.kpi === kpiText && this.body.process === processText) return this.body.bytes;
    const [kpi, proc] = await Promise.all([kpiText, processText?.text ?? ""]);
    const bytes = Buffer.from(proc ? `${kpi}\n${proc}` : kpi);
    this.body = { kpi: kpiText, process: processText, bytes };
    return bytes;
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
