// What the stack deploys, computed from the inventory without Pulumi: per cluster, which namespaces
// (every tenant that owns a running service, plus the platform's), with which quota and
// classification, and which services. The program turns this into resources; tests read it directly.
import { tenantQuota } from "../charts/quota.ts";
import {
  CLASSIFICATIONS,
  type Classification,
  type Inventory,
  type Service,
  type ServiceWorkload,
} from "../model/types.ts";

/** Services with a workload are deployed while they serve someone; planned and retired ones are not. */
export const DEPLOYED_STATUSES: ReadonlySet<Service["status"]> = new Set(["pilot", "online"]);

/** Namespaces of the platform itself, owned by Diskominfo (which runs the data center). */
export const PLATFORM_NAMESPACES = {
  monitoring: "monitoring",
  ingress: "ingress-nginx",
  system: "baubau-system",
} as const;
export const PLATFORM_TENANT = "diskominfo";
/** Prometheus, Alertmanager, the ingress controller and the operator fit in this per namespace. */
const PLATFORM_QUOTA = { cpu: "8", memory: "16Gi", pods: 40 };

export interface DeployedService extends Service {
  workload: ServiceWorkload;
}

export interface NamespacePlan {
  /** Namespace name without the stack's prefix. */
  name: string;
  tenant: string;
  classification: Classification;
  publicIngress: boolean;
  quota: { cpu: string; memory: string; pods: number };
  services: DeployedService[];
}

export interface ClusterPlan {
  id: string;
  /** Whether the fiber network's objects live here (the management cluster). */
  fiberNetwork: boolean;
  /** Whether any catalog service runs here (so the SmartService CRD belongs here). */
  services: boolean;
  namespaces: NamespacePlan[];
}

export const MANAGEMENT_CLUSTER = "dc-mgmt";

function highest(cs: readonly Classification[]): Classification {
  return cs.reduce<Classification>(
    (a, c) => (CLASSIFICATIONS.indexOf(c) > CLASSIFICATIONS.indexOf(a) ? c : a),
    "terbuka",
  );
}

export function deployedServices(inventory: Inventory): DeployedService[] {
  return inventory.services
    .filter((s): s is DeployedService => s.workload !== undefined && DEPLOYED_STATUSES.has(s.status))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function planDataCenter(inventory: Inventory): ClusterPlan[] {
  const services = deployedServices(inventory);
  return inventory.datacenter.clusters
    .map((c) => c.id)
    .sort()
    .map((id) => {
      const here = services.filter((s) => s.workload.cluster === id);
      const byTenant = new Map<string, DeployedService[]>();
      for (const s of here) byTenant.set(s.tenant, [...(byTenant.get(s.tenant) ?? []), s]);
      const tenants: NamespacePlan[] = [...byTenant.entries()].map(([tenant, list]) => ({
        name: tenant,
        tenant,
        classification: highest(list.map((s) => s.classification)),
        publicIngress: list.some((s) => s.kind === "public" && s.workload.host !== undefined),
        quota: tenantQuota(list.map((s) => s.workload)),
        services: list,
      }));
      const platform: NamespacePlan[] = Object.values(PLATFORM_NAMESPACES).map((name) => ({
        name,
        tenant: PLATFORM_TENANT,
        classification: "terbatas",
        publicIngress: false,
        quota: PLATFORM_QUOTA,
        services: [],
      }));
      const namespaces = [...platform, ...tenants].sort((a, b) => (a.name < b.name ? -1 : 1));
      const hosts = inventory.services.some((s) => s.workload?.cluster === id);
      return { id, fiberNetwork: id === MANAGEMENT_CLUSTER, services: hosts, namespaces };
    });
}
