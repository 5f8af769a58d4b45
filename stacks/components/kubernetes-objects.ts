// Rendered manifests handed to the Kubernetes provider as one yaml/v2 ConfigGroup: every object is its
// own resource in the preview with its real kind, ordered by the provider (namespaces and CRDs first).
// Child names start with the cluster id, so the same namespace/name on two clusters never collide.
import * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import type { Manifest } from "../../charts/labels.ts";
import type { AwaitChoice } from "../config.ts";

/** Kinds whose await the stack's choice can turn off, and which part of the choice decides. */
const AWAIT_KINDS: Record<string, keyof AwaitChoice> = { Ingress: "addresses", Service: "endpoints" };

export interface ObjectsOptions {
  cluster: string;
  provider: k8s.Provider;
  parent: pulumi.Resource;
  dependsOn?: pulumi.Input<pulumi.Resource>[];
  /** The stack's await choice (off on the kwok twin); see docs/stacks.md. */
  awaits: AwaitChoice;
}

export function withAwaitChoice(m: Manifest, awaits: AwaitChoice): Manifest {
  const part = AWAIT_KINDS[m.kind];
  if (part === undefined || awaits[part]) return m;
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
    { objs: manifests.map((m) => withAwaitChoice(m, o.awaits)), resourcePrefix: o.cluster },
    { parent: o.parent, provider: o.provider, ...(o.dependsOn ? { dependsOn: o.dependsOn } : {}) },
  );
}
