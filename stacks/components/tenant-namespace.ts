// A tenant (OPD) namespace on a cluster: restricted Pod Security, default-deny with its allowances,
// quota, container defaults, the team's and the auditors' roles (charts/tenant-platform.ts).
import * as pulumi from "@pulumi/pulumi";
import type { Manifest } from "../../charts/labels.ts";
import type { Cluster } from "./cluster.ts";
import { kubernetesObjects } from "./kubernetes-objects.ts";

export interface TenantNamespaceArgs {
  cluster: Cluster;
  /** The namespace's name, with the stack's prefix. */
  namespace: string;
  /** The tenant platform chart's objects for this namespace (stacks/manifests.ts). */
  platform: Manifest[];
}

export class TenantNamespace extends pulumi.ComponentResource {
  readonly namespace: string;
  readonly clusterId: string;
  /** Depend on this to deploy into the namespace only once its policies are in place. */
  readonly ready: pulumi.Resource;

  constructor(name: string, args: TenantNamespaceArgs, opts?: pulumi.ComponentResourceOptions) {
    super("baubau:platform:TenantNamespace", name, {}, opts);
    const { cluster } = args;
    this.namespace = args.namespace;
    this.clusterId = cluster.clusterId;
    this.ready = kubernetesObjects(`${name}-platform`, args.platform, {
      cluster: cluster.clusterId,
      provider: cluster.provider,
      parent: this,
      dependsOn: [cluster.baseline],
      awaits: cluster.awaits,
    });
    this.registerOutputs({ namespace: this.namespace });
  }
}
