// The Pulumi program: the data center's clusters, the platform and city services on them, and the
// fiber network as objects in the management cluster, all from inventory/.
import * as pulumi from "@pulumi/pulumi";
import { clusterBaseline } from "../charts/cluster-baseline.ts";
import { serviceWorkload } from "../charts/service-workload.ts";
import { tenantPlatform } from "../charts/tenant-platform.ts";
import { analyseCoverage } from "../model/analyses/coverage.ts";
import { formatProblems, loadInventory } from "../model/load/index.ts";
import { DataCenter } from "./components/data-center.ts";
import { FiberNetwork } from "./components/fiber-network.ts";
import {
  awaitAddresses,
  fiberNetwork,
  inventoryDir,
  kubeconfigFor,
  namespacePrefix,
  servicesViaOperator,
} from "./config.ts";
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

const dc = new DataCenter(inventory.datacenter.id, {
  dataCenterId: inventory.datacenter.id,
  clusters: plan,
  kubeconfig: kubeconfigFor,
  awaitAddresses: awaitAddresses(plan.map((c) => c.id)),
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

const namespaceObjects = plan.flatMap((c) =>
  c.namespaces.map((ns) => ({ cluster: c, ns, name: `${namespacePrefix}${ns.name}` })),
);

export const dataCenter = inventory.datacenter.id;
export const clusterIds = plan.map((c) => c.id);
export const namespaces = namespaceObjects.map((n) => `${n.cluster.id}/${n.name}`);
export const services = dc.services.map((s) => `${s.namespace}/${s.serviceId}`);
export const coverage = coverageOutput(analyseCoverage(inventory));
export const sites = sitesByStatus(inventory.sites);
/** Kubernetes objects the stack manages, per layer (what a reviewer should expect in a preview). */
export const resourcesPerLayer = {
  baseline: plan.reduce(
    (n, c) => n + clusterBaseline({ cluster: c.id, fiberNetwork: c.fiberNetwork }).length,
    0,
  ),
  platform: namespaceObjects.reduce(
    (n, { ns, name }) =>
      n +
      tenantPlatform({
        namespace: name,
        tenant: ns.tenant,
        classification: ns.classification,
        quota: ns.quota,
        publicIngress: ns.publicIngress,
        monitoringNamespace: "monitoring",
        ingressNamespace: "ingress-nginx",
      }).length,
    0,
  ),
  services: servicesViaOperator
    ? dc.services.length
    : namespaceObjects.reduce(
        (n, { ns, name }) =>
          n + ns.services.reduce((m, s) => m + serviceWorkload(s, { namespace: name }).length, 0),
        0,
      ),
  network: fiberNetwork ? inventory.sites.length + inventory.links.length : 0,
};
