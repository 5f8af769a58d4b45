// The Pulumi program: the data center's clusters, the platform and city services on them, and the
// fiber network as objects in the management cluster, all from inventory/.
import "./stack-traces.ts";
import "./quiet-debug.ts";
import * as pulumi from "@pulumi/pulumi";
import { analyseCoverage } from "../model/analyses/coverage.ts";
import { formatProblems, loadInventory } from "../model/load/index.ts";
import { DataCenter } from "./components/data-center.ts";
import { FiberNetwork } from "./components/fiber-network.ts";
import { MonitoringLayer } from "./components/monitoring-layer.ts";
import {
  awaitChoice,
  fiberNetwork,
  inventoryDir,
  kubeconfigFor,
  monitoringImages,
  monitoringLayer,
  namespacePrefix,
  servicesViaOperator,
} from "./config.ts";
import { countPerLayer, renderDataCenter } from "./manifests.ts";
import { loadMonitoringInputs } from "./monitoring-inputs.ts";
import { coverageOutput, sitesByStatus } from "./outputs.ts";
import { MANAGEMENT_CLUSTER, PLATFORM_NAMESPACES, planDataCenter } from "./plan.ts";

const loaded = await loadInventory(inventoryDir);
if (!loaded.ok) {
  // Nothing is registered, so nothing is half-applied.
  throw new pulumi.RunError(
    `the inventory has ${loaded.problems.length} problem(s):\n${formatProblems(loaded.problems)}`,
  );
}
const inventory = loaded.inventory;
const plan = planDataCenter(inventory);
// Checked before anything is registered, so a wrong datacenter.yaml changes nothing.
if (fiberNetwork && !plan.some((c) => c.id === MANAGEMENT_CLUSTER)) {
  throw new pulumi.RunError(
    `the fiber network lives on cluster ${MANAGEMENT_CLUSTER}, which inventory/datacenter.yaml does not have`,
  );
}
if (monitoringLayer && !plan.some((c) => c.id === MANAGEMENT_CLUSTER)) {
  throw new pulumi.RunError(
    `the monitoring layer lives on cluster ${MANAGEMENT_CLUSTER}, which inventory/datacenter.yaml does not have`,
  );
}
// The inputs are read before anything is registered, so a broken IPAM lock or image changes nothing.
async function monitoringInputs() {
  try {
    return await loadMonitoringInputs(inventory, inventoryDir, monitoringImages());
  } catch (e) {
    throw new pulumi.RunError((e as Error).message);
  }
}
const rendered = renderDataCenter(inventory, plan, {
  namespacePrefix,
  servicesViaOperator,
  fiberNetwork,
  ...(monitoringLayer ? { monitoring: await monitoringInputs() } : {}),
});

const dc = new DataCenter(inventory.datacenter.id, {
  dataCenterId: inventory.datacenter.id,
  clusters: rendered,
  kubeconfig: kubeconfigFor,
  awaits: awaitChoice(plan.map((c) => c.id)),
  servicesViaOperator,
});

const management = dc.clusters.get(MANAGEMENT_CLUSTER);
const network = rendered.find((c) => c.plan.id === MANAGEMENT_CLUSTER)?.network ?? [];
if (management && network.length > 0) {
  new FiberNetwork("baubau-fiber", { records: network, cluster: management });
}

const monitoring = rendered.find((c) => c.plan.id === MANAGEMENT_CLUSTER)?.monitoring ?? [];
const monitoringNamespace = dc.namespaces.find(
  (n) =>
    n.clusterId === MANAGEMENT_CLUSTER &&
    n.namespace === `${namespacePrefix}${PLATFORM_NAMESPACES.monitoring}`,
);
if (management && monitoringNamespace && monitoring.length > 0) {
  new MonitoringLayer("baubau-monitoring", {
    cluster: management,
    namespace: monitoringNamespace,
    objects: monitoring,
  });
}

export const dataCenter = inventory.datacenter.id;
export const clusterIds = plan.map((c) => c.id);
export const namespaces = dc.namespaces.map((n) => `${n.clusterId}/${n.namespace}`);
export const services = dc.services.map((s) => `${s.namespace}/${s.serviceId}`);
export const coverage = coverageOutput(analyseCoverage(inventory));
export const sites = sitesByStatus(inventory.sites);
/** Kubernetes objects the stack manages, per layer (what a reviewer should expect in a preview). */
export const resourcesPerLayer = countPerLayer(rendered);
