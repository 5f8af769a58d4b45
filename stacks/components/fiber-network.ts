// The fiber network in the management cluster: one component per PoP, site and link, each holding
// its FiberSite or FiberLink object, so a one-site change previews as that site's resources only.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { fiberLinkObject, fiberSiteObject } from "../../charts/fiber-objects.ts";
import type { Manifest } from "../../charts/labels.ts";
import type { Link, Site } from "../../model/types.ts";
import type { Cluster } from "./cluster.ts";

export interface FiberNetworkArgs {
  sites: readonly Site[];
  links: readonly Link[];
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

export class FiberNetwork extends pulumi.ComponentResource {
  readonly resourceCount: number;

  constructor(name: string, args: FiberNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
    super("baubau:network:FiberNetwork", name, {}, opts);
    const child = { parent: this };
    for (const site of args.sites) {
      const Kind = site.category === "pop" || site.category === "core" ? FiberPop : FiberSite;
      new Kind(site.id, { object: fiberSiteObject(site), cluster: args.cluster }, child);
    }
    for (const link of args.links) {
      new FiberLink(link.id, { object: fiberLinkObject(link), cluster: args.cluster }, child);
    }
    this.resourceCount = args.sites.length + args.links.length;
    this.registerOutputs({ sites: args.sites.length, links: args.links.length });
  }
}
