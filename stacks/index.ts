// The Pulumi program: the data center's clusters and what runs on them, all from inventory/.
import * as pulumi from "@pulumi/pulumi";
import { formatProblems, loadInventory } from "../model/load/index.ts";
import { services, tenants } from "./catalog.ts";
import { Cluster } from "./components/cluster.ts";
import { SmartService } from "./components/smart-service.ts";
import { TenantNamespace } from "./components/tenant-namespace.ts";
import { inventoryDir, kubeconfigFor, namespacePrefix } from "./config.ts";

const loaded = await loadInventory(inventoryDir);
if (!loaded.ok) {
  // Nothing is registered, so nothing is half-applied.
  throw new pulumi.RunError(
    `the inventory has ${loaded.problems.length} problem(s):\n${formatProblems(loaded.problems)}`,
  );
}
const { datacenter } = loaded.inventory;

const usedClusters = [
  ...new Set([...tenants.map((t) => t.cluster), ...services.map((s) => s.cluster)]),
].sort();
const unknown = usedClusters.filter((c) => !datacenter.clusters.some((dc) => dc.id === c));
if (unknown.length) {
  throw new pulumi.RunError(
    `stacks/catalog.ts names cluster(s) ${unknown.join(", ")} not in inventory/datacenter.yaml ` +
      `(known: ${datacenter.clusters.map((c) => c.id).join(", ")})`,
  );
}

const clusters = new Map(
  usedClusters.map((id) => [id, new Cluster(id, { clusterId: id, kubeconfig: kubeconfigFor(id) })]),
);
const clusterOf = (id: string) => clusters.get(id) as Cluster;

const namespaces = new Map(
  tenants.map((t) => {
    const name = `${namespacePrefix}${t.namespace}`;
    return [t.tenant, new TenantNamespace(name, { ...t, name, cluster: clusterOf(t.cluster) })] as const;
  }),
);

const deployed = services.map((s) => {
  const ns = namespaces.get(s.tenant);
  if (!ns)
    throw new pulumi.RunError(`service ${s.name}: tenant ${s.tenant} has no namespace in stacks/catalog.ts`);
  const namespace = `${namespacePrefix}${tenants.find((t) => t.tenant === s.tenant)?.namespace}`;
  return new SmartService(s.name, { ...s, namespace, cluster: clusterOf(s.cluster), tenantNamespace: ns });
});

export const dataCenter = datacenter.id;
export const clusterIds = usedClusters;
export const namespaceNames = [...namespaces.values()].map((n) => n.namespace);
export const deployments = deployed.map((d) => `${d.namespace}/${d.deploymentName}`);
