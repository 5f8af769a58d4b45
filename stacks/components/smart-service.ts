// A city service on the data center. Rendered directly by the stack (the workload chart's objects as
// resources), or, with `viaOperator`, as one SmartService object that the operator renders with the
// same chart: the one flag the switch takes.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { GROUP } from "../../charts/labels.ts";
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

export const SMART_SERVICE_API_VERSION = `${GROUP}/v1alpha1`;

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
      new k8s.apiextensions.CustomResource(
        `${cluster.clusterId}:${this.namespace}/${service.id}`,
        {
          apiVersion: SMART_SERVICE_API_VERSION,
          kind: "SmartService",
          metadata: { name: service.id, namespace: this.namespace },
          spec: service,
        },
        { parent: this, provider: cluster.provider, dependsOn },
      );
    } else {
      kubernetesObjects(`${name}-workload`, serviceWorkload(service, { namespace: this.namespace }), {
        cluster: cluster.clusterId,
        provider: cluster.provider,
        parent: this,
        dependsOn,
        awaitAddresses: cluster.awaitAddresses,
      });
    }
    this.registerOutputs({ namespace: this.namespace, service: service.id });
  }
}
