// One Kubernetes cluster of the data center, reached through its own provider, with its baseline:
// priority classes, the auditors' cluster role and the city's CRDs.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { Manifest } from "../../charts/labels.ts";
import type { AwaitChoice } from "../config.ts";
import { kubernetesObjects } from "./kubernetes-objects.ts";

/**
 * The provider's client-side rate limit. Its default, 50 requests/s after a burst of 120, was what
 * bounded an `up` of the data center: the management cluster's 401 fiber objects went through at
 * exactly that rate (docs/benchmarks.md#stack). The engine already bounds how many operations run at
 * once (`--parallel`), and the API server guards itself (API Priority and Fairness), so the client's
 * limit is raised well above what 32 operations at once ask for, not removed.
 */
export const KUBE_CLIENT_SETTINGS = { qps: 500, burst: 1000 } as const;

export interface ClusterArgs {
  /** Inventory cluster id (inventory/datacenter.yaml). */
  clusterId: string;
  kubeconfig: pulumi.Input<string>;
  /** The cluster baseline chart's objects (stacks/manifests.ts). */
  baseline: Manifest[];
  awaits: AwaitChoice;
}

export class Cluster extends pulumi.ComponentResource {
  readonly provider: k8s.Provider;
  readonly clusterId: string;
  readonly awaits: AwaitChoice;
  /** Depend on this to create objects only once the CRDs and priority classes exist. */
  readonly baseline: k8s.yaml.v2.ConfigGroup;

  constructor(name: string, args: ClusterArgs, opts?: pulumi.ComponentResourceOptions) {
    super("baubau:dc:Cluster", name, {}, opts);
    this.clusterId = args.clusterId;
    this.awaits = args.awaits;
    this.provider = new k8s.Provider(
      `${name}-provider`,
      {
        kubeconfig: pulumi.secret(args.kubeconfig),
        suppressHelmHookWarnings: true,
        kubeClientSettings: KUBE_CLIENT_SETTINGS,
      },
      { parent: this },
    );
    this.baseline = kubernetesObjects(`${name}-baseline`, args.baseline, {
      cluster: args.clusterId,
      provider: this.provider,
      parent: this,
      awaits: args.awaits,
    });
    this.registerOutputs({ clusterId: args.clusterId });
  }
}
