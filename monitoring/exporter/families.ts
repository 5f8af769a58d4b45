// A metric family as the exporter publishes it: name, help, label names and its samples. The model's
// figures are turned into families by pure functions (kpis.ts, services.ts), so the values are fixed by
// the inventory and can be compared with what model/ computes; the registry only serves them.
export interface Sample {
  labels: Record<string, string>;
  value: number;
}

export interface Family {
  name: string;
  help: string;
  labelNames: string[];
  samples: Sample[];
}

export function family(name: string, help: string, labelNames: string[], samples: Sample[]): Family {
  for (const s of samples) {
    const keys = Object.keys(s.labels).sort();
    if (keys.join() !== [...labelNames].sort().join()) {
      throw new Error(`${name}: sample labels ${keys.join(",")} differ from ${labelNames.join(",")}`);
    }
  }
  return { name, help, labelNames, samples: samples.filter((s) => Number.isFinite(s.value)) };
}

/** Counts of records by a key (only keys that occur). */
export function countBy<T>(items: readonly T[], key: (item: T) => Record<string, string>): Sample[] {
  const counts = new Map<string, Sample>();
  for (const item of items) {
    const labels = key(item);
    const k = JSON.stringify(labels);
    const s = counts.get(k);
    if (s) s.value++;
    else counts.set(k, { labels, value: 1 });
  }
  return [...counts.values()].sort((x, y) => (JSON.stringify(x.labels) < JSON.stringify(y.labels) ? -1 : 1));
}
