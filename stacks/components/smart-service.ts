// A city service on the data center. Rendered directly by the stack (the workload chart's objects as
// resources), or, with `viaOperator`, as one SmartService object that the operator renders with the
// same chart: the one flag the switch takes (stacks/manifests.ts renders either).
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { Manifest } from "../../charts/labels.ts";
import type { DeployedService } from "../plan.ts";
import type { Cluster } from "./cluster.ts";
import { kubernetesObjects } from "./kubernetes-objects.ts";
import type { TenantNamespace } from "./tenant-namespace.ts";

export interface SmartServiceArgs {
  service: DeployedService;
  cluster: Cluster;
  tenantNamespace: TenantNamespace;
  /** The workload's objects, or with `viaOperator` the one SmartService object. */
  objects: Manifest[];
  /** The objects are one SmartService object for the operator, not the workload itself. */
  viaOperator: boolean;
}

export class SmartService extends pulumi.ComponentResource {
  readonly namespace: string;
  readonly serviceId: string;

  constructor(name: string, args: SmartServiceArgs, opts?: pulumi.ComponentResourceOptions) {
    super("baubau:services:SmartService", name, {}, opts);
    const { service, cluster, tenantNamespace } = args;
    this.namespace = tenantNamespace.namespace;
    this.serviceId = service.id;
    const dependsOn = [tenantNamespace.ready, cluster.baseline];
    if (args.viaOperator) {
      const [object] = args.objects;
      if (!object || args.objects.length !== 1) {
        throw new Error(
          `service ${service.id}: expected one SmartService object, got ${args.objects.length}`,
        );
      }
      const { apiVersion, kind, metadata, spec } = object;
      new k8s.apiextensions.CustomResource(
        `${cluster.clusterId}:${this.namespace}/${service.id}`,
        { apiVersion, kind, metadata, spec },
        { parent: this, provider: cluster.provider, dependsOn },
      );
    } else {
      kubernetesObjects(`${name}-workload`, args.objects, {
        cluster: cluster.clusterId,
        provider: cluster.provider,
        parent: this,
        dependsOn,
        awaits: cluster.awaits,
      });
    }
    this.registerOutputs({ namespace: this.namespace, service: service.id });
  }
}
