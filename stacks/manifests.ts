// Every Kubernetes object the stack manages, rendered once from the inventory without Pulumi, per
// cluster and per component: the stack's components register exactly these objects, and the object
// counts in the outputs and the benchmark's kubectl baseline read the same rendering.
import { clusterBaseline } from "../charts/cluster-baseline.ts";
import { smartServiceResource } from "../charts/crds/smart-service.ts";
import { fiberLinkObject, fiberSiteObject } from "../charts/fiber-objects.ts";
import type { Manifest } from "../charts/labels.ts";
import { type MonitoringImages, monitoringLayer } from "../charts/monitoring-layer.ts";
import { METRICS_PORT, OPERATOR_NAME } from "../charts/operator.ts";
import { serviceWorkload } from "../charts/service-workload.ts";
import { type TenantPlatformProps, tenantPlatform } from "../charts/tenant-platform.ts";
import type { Inventory } from "../model/types.ts";
import type { ProbedSite } from "../monitoring/sites.ts";
import {
  type ClusterPlan,
  type DeployedService,
  MANAGEMENT_CLUSTER,
  type NamespacePlan,
  PLATFORM_NAMESPACES,
} from "./plan.ts";

export const LAYERS = ["baseline", "platform", "monitoring", "services", "network"] as const;
export type Layer = (typeof LAYERS)[number];

export interface RenderOptions {
  namespacePrefix: string;
  servicesViaOperator: boolean;
  fiberNetwork: boolean;
  /** The monitoring layer on the management cluster (baubau:monitoringLayer), or none. */
  monitoring?: MonitoringInputs;
}

export interface MonitoringInputs {
  images: MonitoringImages;
  /** Operational sites and their management addresses (monitoring/sites.ts, from the IPAM lock). */
  sites: ProbedSite[];
  /** The pools the site blocks come from: where the blackbox exporter may probe. */
  sitePools: string[];
}

/** Where an in-cluster operator runs (charts/operator.ts's default namespace). */
const OPERATOR_NAMESPACE = "smartcity-system";

export interface RenderedService {
  service: DeployedService;
  /** The workload's objects, or with the operator the one SmartService object it renders them from. */
  objects: Manifest[];
}

export interface RenderedNamespace {
  props: TenantPlatformProps;
  platform: Manifest[];
  services: RenderedService[];
}

/** One fiber-network record: a PoP or core, a served site, or a link. */
export interface RenderedRecord {
  role: "pop" | "site" | "link";
  id: string;
  object: Manifest;
}

export interface RenderedCluster {
  plan: ClusterPlan;
  baseline: Manifest[];
  namespaces: RenderedNamespace[];
  network: RenderedRecord[];
  /** Prometheus, Alertmanager, the exporters and their configs (management cluster only). */
  monitoring: Manifest[];
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

function renderNamespace(ns: NamespacePlan, o: RenderOptions): RenderedNamespace {
  const props = platformProps(ns, o.namespacePrefix);
  return {
    props,
    platform: tenantPlatform(props),
    services: ns.services.map((service) => ({
      service,
      objects: o.servicesViaOperator
        ? [smartServiceResource(service, props.namespace)]
        : serviceWorkload(service, { namespace: props.namespace }),
    })),
  };
}

function renderMonitoring(inventory: Inventory, o: RenderOptions, m: MonitoringInputs): Manifest[] {
  return monitoringLayer({
    namespace: `${o.namespacePrefix}${PLATFORM_NAMESPACES.monitoring}`,
    cluster: MANAGEMENT_CLUSTER,
    sites: m.sites,
    sitePools: m.sitePools,
    opds: inventory.tenants.map((t) => t.id),
    // An operator in the management cluster, found by DNS through its headless metrics Service.
    operatorDns: [
      {
        cluster: MANAGEMENT_CLUSTER,
        name: `${OPERATOR_NAME}-metrics.${OPERATOR_NAMESPACE}.svc.cluster.local`,
        port: METRICS_PORT,
      },
    ],
    operatorNamespaces: [OPERATOR_NAMESPACE],
    operatorMetricsPort: METRICS_PORT,
    images: m.images,
  });
}

function renderNetwork(inventory: Inventory): RenderedRecord[] {
  return [
    ...inventory.sites.map((site) => ({
      role: site.category === "pop" || site.category === "core" ? ("pop" as const) : ("site" as const),
      id: site.id,
      object: fiberSiteObject(site),
    })),
    ...inventory.links.map((link) => ({ role: "link" as const, id: link.id, object: fiberLinkObject(link) })),
  ];
}

export function renderDataCenter(
  inventory: Inventory,
  plan: ClusterPlan[],
  o: RenderOptions,
): RenderedCluster[] {
  return plan.map((c) => {
    const fiberNetwork = c.fiberNetwork && o.fiberNetwork;
    return {
      plan: c,
      // Without the fiber network (baubau:fiberNetwork: false) its CRDs are left out too.
      baseline: clusterBaseline({ cluster: c.id, fiberNetwork, services: c.services }),
      namespaces: c.namespaces.map((ns) => renderNamespace(ns, o)),
      network: fiberNetwork && c.id === MANAGEMENT_CLUSTER ? renderNetwork(inventory) : [],
      monitoring:
        o.monitoring && c.id === MANAGEMENT_CLUSTER ? renderMonitoring(inventory, o, o.monitoring) : [],
    };
  });
}

/** A cluster's objects per layer, in the order they can be applied. */
export function layersOf(c: RenderedCluster): Record<Layer, Manifest[]> {
  return {
    baseline: c.baseline,
    platform: c.namespaces.flatMap((ns) => ns.platform),
    monitoring: c.monitoring,
    services: c.namespaces.flatMap((ns) => ns.services.flatMap((s) => s.objects)),
    network: c.network.map((r) => r.object),
  };
}

export function countPerLayer(rendered: RenderedCluster[]): Record<Layer, number> {
  const counts = Object.fromEntries(LAYERS.map((l) => [l, 0])) as Record<Layer, number>;
  for (const c of rendered) {
    const layers = layersOf(c);
    for (const l of LAYERS) counts[l] += layers[l].length;
  }
  return counts;
}
