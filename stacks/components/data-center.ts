// The Tier-2 data center: one Cluster per inventory cluster, each with its namespaces and services,
// registering the objects stacks/manifests.ts rendered.
import * as pulumi from "@pulumi/pulumi";
import type { AwaitChoice } from "../config.ts";
import type { RenderedCluster } from "../manifests.ts";
import { Cluster } from "./cluster.ts";
import { SmartService } from "./smart-service.ts";
import { TenantNamespace } from "./tenant-namespace.ts";

export interface DataCenterArgs {
  /** Inventory data-center id. */
  dataCenterId: string;
  clusters: RenderedCluster[];
  kubeconfig: (cluster: string) => pulumi.Input<string>;
  /** Per-stack await choice (Ingress addresses and Service endpoints; off on the twin). */
  awaits: AwaitChoice;
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
    for (const rendered of args.clusters) {
      const id = rendered.plan.id;
      const cluster = new Cluster(
        id,
        { clusterId: id, kubeconfig: args.kubeconfig(id), baseline: rendered.baseline, awaits: args.awaits },
        { parent: this },
      );
      this.clusters.set(id, cluster);
      for (const ns of rendered.namespaces) {
        const namespace = ns.props.namespace;
        const tenant = new TenantNamespace(
          `${id}:${namespace}`,
          { cluster, namespace, platform: ns.platform },
          { parent: cluster },
        );
        this.namespaces.push(tenant);
        for (const s of ns.services) {
          this.services.push(
            new SmartService(
              `${id}:${namespace}/${s.service.id}`,
              {
                service: s.service,
                cluster,
                tenantNamespace: tenant,
                objects: s.objects,
                viaOperator: args.servicesViaOperator,
              },
              { parent: tenant },
            ),
          );
        }
      }
    }
    this.registerOutputs({ dataCenterId: args.dataCenterId });
  }
}
