// Turns a chart manifest into the matching typed Pulumi resource, so previews show real kinds
// and the provider's await logic (e.g. Deployment rollout) applies.
import * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import type { Manifest } from "../../charts/labels.ts";

type Ctor = new (name: string, args: never, opts?: pulumi.CustomResourceOptions) => pulumi.CustomResource;

const KINDS: Record<string, Ctor> = {
  "v1/Namespace": k8s.core.v1.Namespace as unknown as Ctor,
  "v1/ServiceAccount": k8s.core.v1.ServiceAccount as unknown as Ctor,
  "v1/Service": k8s.core.v1.Service as unknown as Ctor,
  "v1/ResourceQuota": k8s.core.v1.ResourceQuota as unknown as Ctor,
  "v1/LimitRange": k8s.core.v1.LimitRange as unknown as Ctor,
  "apps/v1/Deployment": k8s.apps.v1.Deployment as unknown as Ctor,
  "networking.k8s.io/v1/NetworkPolicy": k8s.networking.v1.NetworkPolicy as unknown as Ctor,
  "rbac.authorization.k8s.io/v1/Role": k8s.rbac.v1.Role as unknown as Ctor,
  "rbac.authorization.k8s.io/v1/RoleBinding": k8s.rbac.v1.RoleBinding as unknown as Ctor,
};

/** Pulumi name: kind and namespace/name, stable across refactors. */
export function resourceName(m: Manifest): string {
  return [m.kind.toLowerCase(), m.metadata.namespace, m.metadata.name].filter(Boolean).join(":");
}

export function applyManifest(m: Manifest, opts: pulumi.CustomResourceOptions): pulumi.CustomResource {
  const ctor = KINDS[`${m.apiVersion}/${m.kind}`];
  if (ctor) return new ctor(resourceName(m), m as never, opts);
  return new k8s.apiextensions.CustomResource(
    resourceName(m),
    m as k8s.apiextensions.CustomResourceArgs,
    opts,
  );
}
