// A city service deployed as a SmartService workload into its tenant's namespace.
import * as pulumi from "@pulumi/pulumi";
import { type SmartServiceProps, smartService } from "../../charts/smart-service.ts";
import type { Cluster } from "./cluster.ts";
import { applyManifest } from "./manifest.ts";
import type { TenantNamespace } from "./tenant-namespace.ts";

export interface SmartServiceArgs extends Omit<SmartServiceProps, "namespace"> {
  cluster: Cluster;
  tenantNamespace: TenantNamespace;
  namespace: string;
}

export class SmartService extends pulumi.ComponentResource {
  readonly deploymentName: string;
  readonly namespace: string;

  constructor(name: string, args: SmartServiceArgs, opts?: pulumi.ComponentResourceOptions) {
    super("baubau:services:SmartService", name, {}, opts);
    const provider = args.cluster.provider;
    for (const m of smartService(args)) {
      applyManifest(m, { parent: this, provider, dependsOn: args.tenantNamespace.ready });
    }
    this.deploymentName = args.name;
    this.namespace = args.namespace;
    this.registerOutputs({ deployment: args.name, namespace: args.namespace });
  }
}
