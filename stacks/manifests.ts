// Every Kubernetes object the stack manages, rendered from the inventory without Pulumi, per cluster
// and layer. The stack's components render the same charts with the same props; this is what the
// object counts in the outputs, `scripts/synth` and the benchmark's kubectl baseline read.
import { clusterBaseline } from "../charts/cluster-baseline.ts";
import { fiberLinkObject, fiberSiteObject } from "../charts/fiber-objects.ts";
import type { Manifest } from "../charts/labels.ts";
import { serviceWorkload } from "../charts/service-workload.ts";
import { type TenantPlatformProps, tenantPlatform } from "../charts/tenant-platform.ts";
import type { Inventory } from "../model/types.ts";
import { type ClusterPlan, MANAGEMENT_CLUSTER, type NamespacePlan, PLATFORM_NAMESPACES } from "./plan.ts";

export const LAYERS = ["baseline", "platform", "services", "network"] as const;
export type Layer = (typeof LAYERS)[number];

export interface RenderOptions {
  namespacePrefix: string;
  servicesViaOperator: boolean;
  fiberNetwork: boolean;
}

export interface RenderedCluster {
  cluster: string;
  layers: Record<Layer, Manifest[]>;
}

export function platformProps(ns: NamespacePlan, prefix: string): TenantPlatformProps {
  return {
    namespace: `${prefix}${ns.name}`,
    tenant: ns.tenant,
    classification: ns.classification,
    quota: ns.quota,
    publicIngress: ns.publicIngress,
    monitoringNamespace: `${prefix}${PLATFORM_NAMESPACES.monitoring}`,
    ingressNamespace: `${prefix}${PLATFORM_NAMESPACES.ingress}`,
  };
}

export function renderDataCenter(
  inventory: Inventory,
  plan: ClusterPlan[],
  o: RenderOptions,
): RenderedCluster[] {
  return plan.map((c) => ({
    cluster: c.id,
    layers: {
      baseline: clusterBaseline({ cluster: c.id, fiberNetwork: c.fiberNetwork, services: c.services }),
      platform: c.namespaces.flatMap((ns) => tenantPlatform(platformProps(ns, o.namespacePrefix))),
      // With the operator, the stack's object per service is the SmartService; its children are the operator's.
      services: o.servicesViaOperator
        ? []
        : c.namespaces.flatMap((ns) =>
            ns.services.flatMap((s) => serviceWorkload(s, { namespace: `${o.namespacePrefix}${ns.name}` })),
          ),
      network:
        o.fiberNetwork && c.id === MANAGEMENT_CLUSTER
          ? [...inventory.sites.map(fiberSiteObject), ...inventory.links.map(fiberLinkObject)]
          : [],
    },
  }));
}

export function countPerLayer(rendered: RenderedCluster[], smartServices: number): Record<Layer, number> {
  const counts = Object.fromEntries(LAYERS.map((l) => [l, 0])) as Record<Layer, number>;
  for (const c of rendered) for (const l of LAYERS) counts[l] += c.layers[l].length;
  counts.services += smartServices;
  return counts;
}
