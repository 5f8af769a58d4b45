// Rendered manifests handed to the Kubernetes provider as one yaml/v2 ConfigGroup: every object is its
// own resource in the preview with its real kind, ordered by the provider (namespaces and CRDs first).
// Child names start with the cluster id, so the same namespace/name on two clusters never collide.
import * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import type { Manifest } from "../../charts/labels.ts";

/** Kinds whose await waits for an address that only a real load balancer or ingress controller gives. */
const ADDRESS_KINDS = new Set(["Ingress"]);

export interface ObjectsOptions {
  cluster: string;
  provider: k8s.Provider;
  parent: pulumi.Resource;
  dependsOn?: pulumi.Input<pulumi.Resource>[];
  /** False on clusters where nothing hands out addresses (the kwok twin); see docs/stacks.md. */
  awaitAddresses: boolean;
}

export function withAwaitChoice(m: Manifest, awaitAddresses: boolean): Manifest {
  if (awaitAddresses || !ADDRESS_KINDS.has(m.kind)) return m;
  return {
    ...m,
    metadata: { ...m.metadata, annotations: { ...m.metadata.annotations, "pulumi.com/skipAwait": "true" } },
  };
}

export function kubernetesObjects(
  name: string,
  manifests: Manifest[],
  o: ObjectsOptions,
): k8s.yaml.v2.ConfigGroup {
  return new k8s.yaml.v2.ConfigGroup(
    name,
    { objs: manifests.map((m) => withAwaitChoice(m, o.awaitAddresses)), resourcePrefix: o.cluster },
    { parent: o.parent, provider: o.provider, ...(o.dependsOn ? { dependsOn: o.dependsOn } : {}) },
  );
}
