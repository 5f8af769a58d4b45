// The monitoring layer in the management cluster's monitoring namespace: Prometheus, Alertmanager,
// the blackbox and KPI exporters, their generated configs, rules and dashboards as ConfigMaps
// (charts/monitoring-layer.ts, rendered once by stacks/manifests.ts).
import * as pulumi from "@pulumi/pulumi";
import type { Manifest } from "../../charts/labels.ts";
import type { Cluster } from "./cluster.ts";
import { kubernetesObjects } from "./kubernetes-objects.ts";
import type { TenantNamespace } from "./tenant-namespace.ts";

export interface MonitoringLayerArgs {
  cluster: Cluster;
  /** The monitoring namespace: its restricted Pod Security, default-deny and quota come first. */
  namespace: TenantNamespace;
  /** The monitoring layer chart's objects (stacks/manifests.ts). */
  objects: Manifest[];
}

export class MonitoringLayer extends pulumi.ComponentResource {
  constructor(name: string, args: MonitoringLayerArgs, opts?: pulumi.ComponentResourceOptions) {
    super("baubau:monitoring:MonitoringLayer", name, {}, opts);
    const { cluster } = args;
    kubernetesObjects(`${name}-objects`, args.objects, {
      cluster: cluster.clusterId,
      provider: cluster.provider,
      parent: this,
      dependsOn: [args.namespace.ready],
      awaits: cluster.awaits,
    });
    this.registerOutputs({ namespace: args.namespace.namespace, objects: args.objects.length });
  }
}
