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
// Without the fiber network (baubau:fiberNetwork: false) its CRDs are left out too.
const plan = planDataCenter(inventory).map((c) => ({ ...c, fiberNetwork: c.fiberNetwork && fiberNetwork }));

const dc = new DataCenter(inventory.datacenter.id, {
  dataCenterId: inventory.datacenter.id,
  clusters: plan,
  kubeconfig: kubeconfigFor,
  awaits: awaitChoice(plan.map((c) => c.id)),
  namespacePrefix,
  servicesViaOperator,
});

const management = dc.clusters.get(MANAGEMENT_CLUSTER);
if (fiberNetwork && !management) {
  throw new pulumi.RunError(
    `the fiber network lives on cluster ${MANAGEMENT_CLUSTER}, which inventory/datacenter.yaml does not have`,
  );
}
if (fiberNetwork && management) {
  new FiberNetwork("baubau-fiber", { sites: inventory.sites, links: inventory.links, cluster: management });
}

const rendered = renderDataCenter(inventory, plan, { namespacePrefix, servicesViaOperator, fiberNetwork });

export const dataCenter = inventory.datacenter.id;
export const clusterIds = plan.map((c) => c.id);
export const namespaces = dc.namespaces.map((n) => `${n.clusterId}/${n.namespace}`);
export const services = dc.services.map((s) => `${s.namespace}/${s.serviceId}`);
export const coverage = coverageOutput(analyseCoverage(inventory));
export const sites = sitesByStatus(inventory.sites);
/** Kubernetes objects the stack manages, per layer (what a reviewer should expect in a preview). */
export const resourcesPerLayer = countPerLayer(rendered, servicesViaOperator ? dc.services.length : 0);
