// The fiber network in the management cluster: one component per PoP, site and link, each holding
// its FiberSite or FiberLink object, so a one-site change previews as that site's resources only.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { Manifest } from "../../charts/labels.ts";
import type { RenderedRecord } from "../manifests.ts";
import type { Cluster } from "./cluster.ts";

export interface FiberNetworkArgs {
  /** The network's objects, one per inventory site and link (stacks/manifests.ts). */
  records: readonly RenderedRecord[];
  cluster: Cluster;
}

interface RecordArgs {
  object: Manifest;
  cluster: Cluster;
}

function fiberObject(owner: pulumi.ComponentResource, a: RecordArgs): k8s.apiextensions.CustomResource {
  const { apiVersion, kind, metadata, spec } = a.object;
  return new k8s.apiextensions.CustomResource(
    `${a.cluster.clusterId}:${metadata.name}`,
    { apiVersion, kind, metadata, spec },
    { parent: owner, provider: a.cluster.provider, dependsOn: [a.cluster.baseline] },
  );
}

/** A point of presence or core: where access links start and the ring passes. */
export class FiberPop extends pulumi.ComponentResource {
  constructor(name: string, args: RecordArgs, opts?: pulumi.ComponentResourceOptions) {
    super("baubau:network:PoP", name, {}, opts);
    fiberObject(this, args);
    this.registerOutputs({});
  }
}

/** A served site: an OPD office, school, puskesmas, kecamatan or kelurahan office. */
export class FiberSite extends pulumi.ComponentResource {
  constructor(name: string, args: RecordArgs, opts?: pulumi.ComponentResourceOptions) {
    super("baubau:network:Site", name, {}, opts);
    fiberObject(this, args);
    this.registerOutputs({});
  }
}

export class FiberLink extends pulumi.ComponentResource {
  constructor(name: string, args: RecordArgs, opts?: pulumi.ComponentResourceOptions) {
    super("baubau:network:Link", name, {}, opts);
    fiberObject(this, args);
    this.registerOutputs({});
  }
}

const COMPONENT = { pop: FiberPop, site: FiberSite, link: FiberLink } as const;

export class FiberNetwork extends pulumi.ComponentResource {
  constructor(name: string, args: FiberNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
    super("baubau:network:FiberNetwork", name, {}, opts);
    for (const r of args.records) {
      new COMPONENT[r.role](r.id, { object: r.object, cluster: args.cluster }, { parent: this });
    }
    const count = (role: RenderedRecord["role"]) => args.records.filter((r) => r.role === role).length;
    this.registerOutputs({ sites: count("pop") + count("site"), links: count("link") });
  }
}
