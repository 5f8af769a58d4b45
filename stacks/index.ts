// The Pulumi program: the data center's clusters, the platform and city services on them, and the
// fiber network as objects in the management cluster, all from inventory/.
import * as pulumi from "@pulumi/pulumi";
import { analyseCoverage } from "../model/analyses/coverage.ts";
import { formatProblems, loadInventory } from "../model/load/index.ts";
import { DataCenter } from "./components/data-center.ts";
import { FiberNetwork } from "./components/fiber-network.ts";
import {
  awaitChoice,
  fiberNetwork,
  inventoryDir,
  kubeconfigFor,
  namespacePrefix,
  servicesViaOperator,
} from "./config.ts";
import { countPerLayer, renderDataCenter } from "./manifests.ts";
import { coverageOutput, sitesByStatus } from "./outputs.ts";
import { MANAGEMENT_CLUSTER, planDataCenter } from "./plan.ts";

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
const rendered = renderDataCenter(inventory, plan, { namespacePrefix, servicesViaOperator, fiberNetwork });

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

export const dataCenter = inventory.datacenter.id;
export const clusterIds = plan.map((c) => c.id);
export const namespaces = dc.namespaces.map((n) => `${n.clusterId}/${n.namespace}`);
export const services = dc.services.map((s) => `${s.namespace}/${s.serviceId}`);
export const coverage = coverageOutput(analyseCoverage(inventory));
export const sites = sitesByStatus(inventory.sites);
/** Kubernetes objects the stack manages, per layer (what a reviewer should expect in a preview). */
export const resourcesPerLayer = countPerLayer(rendered);
