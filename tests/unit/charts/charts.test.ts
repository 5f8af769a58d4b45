import { describe, expect, it } from "vitest";
import type { Manifest } from "../../../charts/labels.ts";
import { smartService } from "../../../charts/smart-service.ts";
import { tenantNamespace } from "../../../charts/tenant-namespace.ts";

const tenant = tenantNamespace({
  name: "kominfo-portal",
  tenant: "diskominfo",
  quota: { cpu: "4", memory: "8Gi", pods: 20 },
});
const service = smartService({
  name: "portal-informasi",
  namespace: "kominfo-portal",
  tenant: "diskominfo",
  image: "registry.example/portal:1.0.0",
  port: 8080,
  replicas: 2,
  resources: { cpu: "250m", memory: "256Mi" },
  audience: "public",
  allowFromNamespaces: ["ingress"],
});

const byKind = (ms: Manifest[], kind: string) => ms.filter((m) => m.kind === kind);

describe("tenant-namespace chart", () => {
  it("renders the same manifests as the reviewed snapshot", () => {
    expect(tenant).toMatchSnapshot();
  });

  it("enforces Pod Security restricted on the namespace", () => {
    const [ns] = byKind(tenant, "Namespace");
    expect(ns?.metadata.labels?.["pod-security.kubernetes.io/enforce"]).toBe("restricted");
  });

  it("denies all ingress and egress by default, opening only DNS egress", () => {
    const policies = byKind(tenant, "NetworkPolicy") as (Manifest & { spec: Record<string, unknown> })[];
    const deny = policies.find((p) => p.metadata.name === "default-deny-all");
    expect(deny?.spec).toEqual({ podSelector: {}, policyTypes: ["Ingress", "Egress"] });
    const dns = policies.find((p) => p.metadata.name === "allow-dns-egress");
    expect(JSON.stringify(dns?.spec)).toContain('"port":53');
    expect(policies).toHaveLength(2);
  });

  it("puts every namespaced object in the tenant's namespace with stable names", () => {
    for (const m of tenant.filter((x) => x.kind !== "Namespace"))
      expect(m.metadata.namespace).toBe("kominfo-portal");
    expect(tenant.map((m) => `${m.kind}/${m.metadata.name}`)).toEqual([
      "Namespace/kominfo-portal",
      "NetworkPolicy/default-deny-all",
      "NetworkPolicy/allow-dns-egress",
      "ResourceQuota/tenant-quota",
      "LimitRange/container-defaults",
      "Role/tenant-operator",
      "RoleBinding/tenant-operator",
    ]);
  });

  it("gives the OPD's team a least-privilege role: no secrets, no RBAC, no policies, no deletes", () => {
    const [role] = byKind(tenant, "Role") as (Manifest & {
      rules: { resources: string[]; verbs: string[] }[];
    })[];
    const resources = role?.rules.flatMap((r) => r.resources) ?? [];
    for (const forbidden of ["secrets", "roles", "rolebindings", "networkpolicies", "resourcequotas", "*"]) {
      expect(resources).not.toContain(forbidden);
    }
    const verbs = new Set(role?.rules.flatMap((r) => r.verbs));
    expect([...verbs].sort()).toEqual(["get", "list", "patch", "watch"]);
    const [binding] = byKind(tenant, "RoleBinding") as (Manifest & {
      subjects: { kind: string; name: string }[];
    })[];
    expect(binding?.subjects).toEqual([
      { apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: "opd:diskominfo" },
    ]);
  });
});

describe("smart-service chart", () => {
  it("renders the same manifests as the reviewed snapshot", () => {
    expect(service).toMatchSnapshot();
  });

  it("meets Pod Security restricted: non-root, seccomp, no escalation, all capabilities dropped", () => {
    const [dep] = byKind(service, "Deployment") as (Manifest & { spec: any })[];
    const pod = dep?.spec.template.spec;
    expect(pod.securityContext).toMatchObject({
      runAsNonRoot: true,
      seccompProfile: { type: "RuntimeDefault" },
    });
    for (const c of pod.containers) {
      expect(c.securityContext).toMatchObject({
        allowPrivilegeEscalation: false,
        capabilities: { drop: ["ALL"] },
      });
      expect(c.resources.limits).toEqual({ cpu: "250m", memory: "256Mi" });
    }
    expect(pod.automountServiceAccountToken).toBe(false);
  });

  it("opens only the service port, to its namespace and the allowed namespaces", () => {
    const [np] = byKind(service, "NetworkPolicy") as (Manifest & { spec: any })[];
    expect(np?.spec.ingress).toHaveLength(1);
    expect(np?.spec.ingress[0].ports).toEqual([{ protocol: "TCP", port: 8080 }]);
    expect(np?.spec.ingress[0].from).toEqual([
      { podSelector: {} },
      { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "ingress" } } },
    ]);
  });

  it("selects its pods by name and component only, so label changes elsewhere never orphan them", () => {
    const [dep] = byKind(service, "Deployment") as (Manifest & { spec: any })[];
    expect(dep?.spec.selector.matchLabels).toEqual({
      "app.kubernetes.io/name": "portal-informasi",
      "app.kubernetes.io/component": "smart-service",
    });
  });
});
