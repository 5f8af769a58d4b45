// One Kubernetes cluster of the data center, reached through its own provider.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";

export interface ClusterArgs {
  /** Inventory cluster id (inventory/datacenter.yaml). */
  clusterId: string;
  kubeconfig: pulumi.Input<string>;
}

export class Cluster extends pulumi.ComponentResource {
  readonly provider: k8s.Provider;
  readonly clusterId: string;

  constructor(name: string, args: ClusterArgs, opts?: pulumi.ComponentResourceOptions) {
    super("baubau:dc:Cluster", name, {}, opts);
    this.clusterId = args.clusterId;
    this.provider = new k8s.Provider(
      `${name}-provider`,
      { kubeconfig: pulumi.secret(args.kubeconfig), suppressHelmHookWarnings: true },
      { parent: this },
    );
    this.registerOutputs({ clusterId: args.clusterId });
  }
}
