// The project's charts with the few props the policy tests vary, so the rules are tested on what the
// stacks really render.
import { serviceWorkload } from "../../../charts/service-workload.ts";
import { tenantPlatform } from "../../../charts/tenant-platform.ts";

export function smartService(p: {
  name: string;
  namespace: string;
  tenant: string;
  image: string;
  port: number;
  replicas: number;
  resources: { cpu: string; memory: string };
  audience: "public" | "internal";
}) {
  return serviceWorkload(
    {
      id: p.name,
      tenant: p.tenant,
      kind: p.audience,
      essential: false,
      classification: "terbatas",
      workload: {
        cluster: "dc-prod",
        image: p.image,
        port: p.port,
        replicas: p.replicas,
        resources: { requests: p.resources, limits: p.resources },
        sloTarget: 0.99,
        dependsOn: [],
      },
    },
    { namespace: p.namespace },
  );
}

export function tenantNamespace(p: {
  name: string;
  tenant: string;
  quota: { cpu: string; memory: string; pods: number };
}) {
  return tenantPlatform({
    namespace: p.name,
    tenant: p.tenant,
    classification: "terbatas",
    quota: p.quota,
    publicIngress: false,
    monitoringNamespace: "monitoring",
    ingressNamespace: "ingress-nginx",
  });
}
