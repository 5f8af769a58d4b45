// The KPI exporter as a process:
//   tsx monitoring/exporter/main.ts [--inventory DIR] [--listen 127.0.0.1:9464] [--kubeconfig FILE]
//       [--poll-interval-ms 5000] [--prometheus URL] [--alertmanager URL] [--in-pod]
// Without --kubeconfig it publishes the catalog's figures only. Stops cleanly on SIGTERM/SIGINT.
import { parseArgs } from "node:util";
import { formatProblems, loadInventory } from "../../model/load/index.ts";
import { commandCenterPage, networkView } from "../command-center/page.ts";
import { startExporter } from "./app.ts";
import { smartServiceLister } from "./cluster.ts";

const { values } = parseArgs({
  options: {
    inventory: { type: "string", default: "inventory" },
    listen: { type: "string", default: "127.0.0.1:9464" },
    kubeconfig: { type: "string" },
    "poll-interval-ms": { type: "string", default: "5000" },
    prometheus: { type: "string" },
    alertmanager: { type: "string" },
    // In a pod (charts/monitoring-layer.ts) the loopback is the pod's own: there it may listen on
    // 0.0.0.0, and the namespace's NetworkPolicies decide who reaches it.
    "in-pod": { type: "boolean", default: false },
  },
});

function fail(message: string): never {
  process.stderr.write(`kpi-exporter: ${message}\n`);
  process.exit(2);
}

const listen = (
  values["in-pod"] ? /^(0\.0\.0\.0|127\.\d+\.\d+\.\d+):(\d{1,5})$/ : /^(127\.\d+\.\d+\.\d+):(\d{1,5})$/
).exec(values.listen);
if (!listen)
  fail(
    `--listen ${values.listen}: expected 127.x.y.z:port (the exporter listens on loopback only; ` +
      "0.0.0.0:port only with --in-pod)",
  );
const poll = Number(values["poll-interval-ms"]);
if (!Number.isInteger(poll) || poll < 100)
  fail(`--poll-interval-ms ${values["poll-interval-ms"]}: expected an integer >= 100`);

const loaded = await loadInventory(values.inventory);
if (!loaded.ok) {
  process.stderr.write(`${formatProblems(loaded.problems)}\n`);
  fail(`the inventory in ${values.inventory} has problems; nothing is served`);
}

const exporter = await startExporter({
  inventory: loaded.inventory,
  catalog: loaded.inventory.services,
  host: listen[1],
  port: Number(listen[2]),
  ...(values.kubeconfig ? { listSmartServices: smartServiceLister(values.kubeconfig) } : {}),
  pollIntervalMs: poll,
  ...(values.prometheus ? { prometheusUrl: values.prometheus } : {}),
  ...(values.alertmanager ? { alertmanagerUrl: values.alertmanager } : {}),
  page: commandCenterPage,
  network: networkView,
});
process.stderr.write(`[kpi-exporter] listening on ${exporter.url}\n`);

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    void exporter.close().then(() => process.exit(0));
  });
}
