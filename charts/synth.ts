// Every chart is a cdk8s Chart synthesized in its own App, so each render is a pure function of its
// props: same props, same manifests. Names are always given explicitly (no hash suffixes), and the
// chart annotation says which chart made an object.
import { App, Chart } from "cdk8s";
import type { Construct } from "constructs";
import { CHART_ANNOTATION, type Manifest } from "./labels.ts";

export function synth(chartName: string, build: (scope: Construct) => void): Manifest[] {
  const app = new App({ outdir: "/nonexistent" });
  const chart = new Chart(app, chartName, { disableResourceNameHashes: true });
  build(chart);
  return (chart.toJson() as Manifest[]).map((m) => ({
    ...m,
    metadata: { ...m.metadata, annotations: { ...m.metadata.annotations, [CHART_ANNOTATION]: chartName } },
  }));
}
