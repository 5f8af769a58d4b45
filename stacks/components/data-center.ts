// The Tier-2 data center: one Cluster per inventory cluster, each with its namespaces and services.
import * as pulumi from "@pulumi/pulumi";
import type { AwaitChoice } from "../config.ts";
import { platformProps } from "../manifests.ts";
import type { ClusterPlan } from "../plan.ts";
import { Cluster } from "./cluster.ts";
import { SmartService } from "./smart-service.ts";
import { TenantNamespace } from "./tenant-namespace.ts";

export interface DataCenterArgs {
  /** Inventory data-center id. */
  dataCenterId: string;
  clusters: ClusterPlan[];
  kubeconfig: (cluster: string) => pulumi.Input<string>;
  /** Per-stack await choice (Ingress addresses and Service endpoints; off on the twin). */
  awaits: AwaitChoice;
  /** Prefix of every namespace name, so parallel test stacks on one cluster never collide. */
  namespacePrefix: string;
  /** Services as SmartService objects for the operator, instead of rendered workloads. */
  servicesViaOperator: boolean;
}

export class DataCenter extends pulumi.ComponentResource {
  readonly clusters: Map<string, Cluster>;
  readonly namespaces: TenantNamespace[] = [];
  readonly services: SmartService[] = [];

  constructor(name: string, args: DataCenterArgs, opts?: pulumi.ComponentResourceOptions) {
    super("baubau:dc:DataCenter", name, {}, opts);
    this.clusters = new Map();
    for (const plan of args.clusters) {
      const cluster = new Cluster(
        plan.id,
        {
          clusterId: plan.id,
          kubeconfig: args.kubeconfig(plan.id),
          fiberNetwork: plan.fiberNetwork,
          services: plan.services,
          awaits: args.awaits,
        },
        { parent: this },
      );
      this.clusters.set(plan.id, cluster);
      for (const ns of plan.namespaces) {
        const props = platformProps(ns, args.namespacePrefix);
        const namespace = props.namespace;
        const tenant = new TenantNamespace(
          `${plan.id}:${namespace}`,
          { cluster, ...props },
          { parent: cluster },
        );
        this.namespaces.push(tenant);
        for (const service of ns.services) {
          this.services.push(
            new SmartService(
              `${plan.id}:${namespace}/${service.id}`,
              { service, cluster, tenantNamespace: tenant, viaOperator: args.servicesViaOperator },
              { parent: tenant },
            ),
          );
        }
      }
    }
    this.registerOutputs({ dataCenterId: args.dataCenterId });
  }
}
