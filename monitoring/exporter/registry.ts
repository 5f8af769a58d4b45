// Serves families through prom-client: one Gauge per family, values replaced whole when a family
// changes (the live SmartService families on every poll; the model's once at start).
import { collectDefaultMetrics, Gauge, Registry } from "prom-client";
import type { Family } from "./families.ts";

export class KpiRegistry {
  readonly registry = new Registry();
  private readonly gauges = new Map<string, Gauge>();

  constructor(options: { processMetrics: boolean }) {
    // Process and Node.js metrics (event-loop lag among them) for the exporter's own health.
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry });
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
  }

  metrics(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
