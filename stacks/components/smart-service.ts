// A city service on the data center. Rendered directly by the stack (the workload chart's objects as
// resources), or, with `viaOperator`, as one SmartService object that the operator renders with the
// same chart: the one flag the switch takes.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { smartServiceResource } from "../../charts/crds/smart-service.ts";
import { serviceWorkload } from "../../charts/service-workload.ts";
import type { DeployedService } from "../plan.ts";
import type { Cluster } from "./cluster.ts";
import { kubernetesObjects } from "./kubernetes-objects.ts";
import type { TenantNamespace } from "./tenant-namespace.ts";

export interface SmartServiceArgs {
  service: DeployedService;
  cluster: Cluster;
  tenantNamespace: TenantNamespace;
  /** Create a SmartService object for the operator instead of the workload's objects. */
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
      const { apiVersion, kind, metadata, spec } = smartServiceResource(service, this.namespace);
      new k8s.apiextensions.CustomResource(
        `${cluster.clusterId}:${this.namespace}/${service.id}`,
        { apiVersion, kind, metadata, spec },
        { parent: this, provider: cluster.provider, dependsOn },
      );
    } else {
      kubernetesObjects(`${name}-workload`, serviceWorkload(service, { namespace: this.namespace }), {
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
