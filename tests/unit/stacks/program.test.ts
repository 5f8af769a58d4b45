// The Pulumi program under mocks: which resources it registers, with which parents and
// providers. (That it deploys is proven against the twin in tests/integration.)
import * as pulumi from "@pulumi/pulumi";
import { beforeAll, describe, expect, it } from "vitest";

interface Registered {
  type: string;
  name: string;
  inputs: Record<string, any>;
  provider?: string;
}
const registered: Registered[] = [];

beforeAll(async () => {
  // Mocks first, then the program: it registers resources at import time.
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs, provider: args.provider });
        return { id: `${args.name}-id`, state: args.inputs };
      },
      call: () => ({}),
    },
    "baubau-smartcity",
    "unit",
    false,
  );
  pulumi.runtime.setAllConfig(
    {
      "baubau:kubeconfig-dc-prod": "apiVersion: v1\nkind: Config\n",
      "baubau:namespacePrefix": "t-",
    },
    ["baubau:kubeconfig-dc-prod"],
  );
  await import("../../../stacks/index.ts");
  // Wait for every outstanding registration RPC to reach the mocks.
  await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
});

describe("stacks/index.ts", () => {
  it("reaches each used cluster through its own provider with the kubeconfig as a secret", () => {
    const providers = registered.filter((r) => r.type === "pulumi:providers:kubernetes");
    expect(providers.map((p) => p.name)).toEqual(["dc-prod-provider"]);
    expect(registered.filter((r) => r.type === "baubau:dc:Cluster").map((r) => r.name)).toEqual(["dc-prod"]);
  });

  it("registers the tenant namespace and the service as components with their Kubernetes objects", () => {
    const types = registered.map((r) => `${r.type} ${r.name}`).sort();
    expect(types).toEqual(
      [
        "baubau:dc:Cluster dc-prod",
        "pulumi:providers:kubernetes dc-prod-provider",
        "baubau:platform:TenantNamespace t-kominfo-portal",
        "kubernetes:core/v1:Namespace namespace:t-kominfo-portal",
        "kubernetes:networking.k8s.io/v1:NetworkPolicy networkpolicy:t-kominfo-portal:default-deny-all",
        "kubernetes:networking.k8s.io/v1:NetworkPolicy networkpolicy:t-kominfo-portal:allow-dns-egress",
        "kubernetes:core/v1:ResourceQuota resourcequota:t-kominfo-portal:tenant-quota",
        "kubernetes:core/v1:LimitRange limitrange:t-kominfo-portal:container-defaults",
        "kubernetes:rbac.authorization.k8s.io/v1:Role role:t-kominfo-portal:tenant-operator",
        "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding rolebinding:t-kominfo-portal:tenant-operator",
        "baubau:services:SmartService portal-informasi",
        "kubernetes:core/v1:ServiceAccount serviceaccount:t-kominfo-portal:portal-informasi",
        "kubernetes:apps/v1:Deployment deployment:t-kominfo-portal:portal-informasi",
        "kubernetes:core/v1:Service service:t-kominfo-portal:portal-informasi",
        "kubernetes:networking.k8s.io/v1:NetworkPolicy networkpolicy:t-kominfo-portal:portal-informasi-allow-http",
      ].sort(),
    );
  });

  it("sends every Kubernetes object to the cluster's provider, never the ambient kubeconfig", () => {
    const objects = registered.filter((r) => r.type.startsWith("kubernetes:"));
    expect(objects.length).toBeGreaterThan(0);
    for (const o of objects) expect(o.provider, o.name).toMatch(/dc-prod-provider/);
  });

  it("names objects explicitly (no auto-naming suffix) with the stack's namespace prefix", () => {
    const dep = registered.find((r) => r.type === "kubernetes:apps/v1:Deployment");
    expect(dep?.inputs.metadata.name).toBe("portal-informasi");
    expect(dep?.inputs.metadata.namespace).toBe("t-kominfo-portal");
  });
});
