// Labels and annotations every rendered object carries, so owners, tools and auditors can find them.
export const GROUP = "smartcity.baubaukota.go.id";

/** The label a pod carries to be let through the NetworkPolicy of the service it calls. */
export const callsLabel = (serviceId: string) => `calls.${GROUP}/${serviceId}`;

const TENANT_LABEL = `${GROUP}/tenant`;
export const CLASSIFICATION_LABEL = `${GROUP}/classification`;
export const CHART_ANNOTATION = `${GROUP}/chart`;

export function commonLabels(opts: {
  name: string;
  component: string;
  tenant: string;
  partOf?: string;
}): Record<string, string> {
  return {
    "app.kubernetes.io/name": opts.name,
    "app.kubernetes.io/component": opts.component,
    "app.kubernetes.io/part-of": opts.partOf ?? "baubau-smartcity",
    "app.kubernetes.io/managed-by": "baubau-iac",
    [TENANT_LABEL]: opts.tenant,
  };
}

/** A manifest as the Kubernetes API takes it; charts return these, callers apply them. */
export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [field: string]: unknown;
  };
  [field: string]: unknown;
}
