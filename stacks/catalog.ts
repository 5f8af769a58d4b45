// The first city services the data center runs. This list moves to inventory/services.yaml
// together with the SmartService schema; until then it is the stack's own catalog.
export interface CatalogService {
  name: string;
  tenant: string;
  cluster: string;
  image: string;
  port: number;
  replicas: number;
  audience: "public" | "internal";
  resources: { cpu: string; memory: string };
}

export interface CatalogTenant {
  namespace: string;
  tenant: string;
  cluster: string;
  quota: { cpu: string; memory: string; pods: number };
}

export const tenants: CatalogTenant[] = [
  {
    namespace: "kominfo-portal",
    tenant: "diskominfo",
    cluster: "dc-prod",
    quota: { cpu: "4", memory: "8Gi", pods: 20 },
  },
];

export const services: CatalogService[] = [
  {
    // Public information portal (Phase II): the first service of Diskominfo on the data center.
    name: "portal-informasi",
    tenant: "diskominfo",
    cluster: "dc-prod",
    image: "registry.baubaukota.go.id/kominfo/portal-informasi:1.0.0",
    port: 8080,
    replicas: 2,
    audience: "public",
    resources: { cpu: "250m", memory: "256Mi" },
  },
];
