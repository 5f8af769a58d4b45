// A tenant (OPD) namespace on a cluster: restricted Pod Security, default-deny, quotas.
import * as pulumi from "@pulumi/pulumi";
import { type TenantNamespaceProps, tenantNamespace } from "../../charts/tenant-namespace.ts";
import type { Cluster } from "./cluster.ts";
import { applyManifest } from "./manifest.ts";

export interface TenantNamespaceArgs extends TenantNamespaceProps {
  cluster: Cluster;
}

export class TenantNamespace extends pulumi.ComponentResource {
  readonly namespace: pulumi.Output<string>;
  /** Depend on this to deploy into the namespace only once its policies are in place. */
  readonly ready: pulumi.Resource[];

  constructor(name: string, args: TenantNamespaceArgs, opts?: pulumi.ComponentResourceOptions) {
    super("baubau:platform:TenantNamespace", name, {}, opts);
    const [ns, ...rest] = tenantNamespace(args);
    if (!ns) throw new Error("tenant-namespace chart rendered no Namespace");
    const provider = args.cluster.provider;
    const nsResource = applyManifest(ns, { parent: this, provider });
    this.ready = [
      nsResource,
      ...rest.map((m) => applyManifest(m, { parent: this, provider, dependsOn: [nsResource] })),
    ];
    this.namespace = pulumi.output(args.name);
    this.registerOutputs({ namespace: this.namespace });
  }
}
