// The stack-wide tenant rules on the project's tenant-namespace chart and on changes that break them.
import { describe, expect, it } from "vitest";
import { tenantDefaultDeny, tenantRbac, wideGrants } from "../../../policy/kubernetes/tenancy.ts";
import type { PolicyResource } from "../../../policy/rule.ts";
import { tenantNamespace } from "./chart-fixtures.ts";
import { fromManifest, k8s, stackViolations } from "./harness.ts";

const chart = () =>
  tenantNamespace({ name: "kominfo", tenant: "diskominfo", quota: { cpu: "1", memory: "1Gi", pods: 5 } }).map(
    fromManifest,
  );
const without = (rs: PolicyResource[], name: string) => rs.filter((r) => !r.name.endsWith(`:${name}`));
const roleBinding = (ns: string, group: string, roleRef: Record<string, string>) =>
  k8s(
    "rbac.authorization.k8s.io/v1:RoleBinding",
    {
      metadata: { name: "extra", namespace: ns },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", ...roleRef },
      subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: group }],
    },
    `rolebinding:${ns}:extra`,
  );

describe("k8s-tenant-default-deny", () => {
  it("passes the tenant-namespace chart (default-deny-all plus a DNS allowance)", async () => {
    expect(await stackViolations(tenantDefaultDeny, chart())).toEqual([]);
  });

  it("reports a tenant namespace whose default-deny is missing, naming the namespace's URN", async () => {
    const rs = without(chart(), "default-deny-all");
    const v = await stackViolations(tenantDefaultDeny, rs);
    expect(v).toEqual([
      {
        urn: rs.find((r) => r.type === "kubernetes:core/v1:Namespace")?.urn,
        message:
          "tenant namespace kominfo (diskominfo) has no default-deny for Ingress and Egress: add a NetworkPolicy " +
          "with podSelector: {}, policyTypes: [Ingress, Egress] and no ingress/egress rules",
      },
    ]);
  });

  it("does not count a policy that selects all pods but allows traffic, nor one in another namespace", async () => {
    const rs = without(chart(), "default-deny-all");
    rs.push(
      k8s("networking.k8s.io/v1:NetworkPolicy", {
        metadata: { name: "allow-all", namespace: "kominfo" },
        spec: { podSelector: {}, policyTypes: ["Ingress"], ingress: [{}] },
      }),
      k8s("networking.k8s.io/v1:NetworkPolicy", {
        metadata: { name: "deny", namespace: "other" },
        spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] },
      }),
      // Egress denied on its own is half of it.
      k8s("networking.k8s.io/v1:NetworkPolicy", {
        metadata: { name: "deny-egress", namespace: "kominfo" },
        spec: { podSelector: {}, policyTypes: ["Egress"] },
      }),
    );
    const v = await stackViolations(tenantDefaultDeny, rs);
    expect(v.map((x) => x.message)).toEqual([expect.stringContaining("has no default-deny for Ingress:")]);
  });

  it("leaves namespaces that are not a tenant's alone", async () => {
    const ns = k8s("core/v1:Namespace", { metadata: { name: "monitoring" } });
    expect(await stackViolations(tenantDefaultDeny, [ns])).toEqual([]);
  });
});

describe("k8s-rbac-tenant-least-privilege", () => {
  it("passes the chart's tenant-operator role (read, restart and scale; no secrets)", async () => {
    expect(await stackViolations(tenantRbac, chart())).toEqual([]);
  });

  it("reports a tenant role widened to secrets and wildcards", async () => {
    const rs = chart();
    const role = rs.find((r) => r.type.endsWith(":Role"));
    if (!role) throw new Error("the chart has no Role");
    (role.props.rules as unknown[]).push(
      { apiGroups: [""], resources: ["secrets"], verbs: ["get", "list"] },
      { apiGroups: ["apps"], resources: ["*"], verbs: ["*"] },
    );
    const v = await stackViolations(tenantRbac, rs);
    expect(v).toEqual([
      {
        urn: rs.find((r) => r.type.endsWith(":RoleBinding"))?.urn,
        message:
          "RoleBinding kominfo/tenant-operator grants tenant group opd:diskominfo secrets (get, list); " +
          'verbs: ["*"] on *; resources: ["*"] in apiGroups ["apps"] through Role tenant-operator: list the ' +
          'resources and verbs the team needs, without secrets or "*"',
      },
    ]);
  });

  it("reports a tenant group bound to the built-in edit, admin or cluster-admin roles", async () => {
    const rs = [...chart(), roleBinding("kominfo", "opd:diskominfo", { kind: "ClusterRole", name: "edit" })];
    const v = await stackViolations(tenantRbac, rs);
    expect(v.map((x) => x.message)).toEqual([
      "RoleBinding kominfo/extra grants tenant group opd:diskominfo read and write access to secrets through " +
        'ClusterRole edit: list the resources and verbs the team needs, without secrets or "*"',
    ]);
    const crb = k8s("rbac.authorization.k8s.io/v1:ClusterRoleBinding", {
      metadata: { name: "oops" },
      roleRef: { kind: "ClusterRole", name: "cluster-admin" },
      subjects: [{ kind: "Group", name: "opd:bapenda" }],
    });
    expect((await stackViolations(tenantRbac, [crb]))[0]?.message).toMatch(
      /^ClusterRoleBinding oops grants tenant group opd:bapenda every verb on every resource/,
    );
  });

  it("asks for the role to be defined when a tenant binding names one the stack does not have", async () => {
    const v = await stackViolations(tenantRbac, [
      ...chart(),
      roleBinding("kominfo", "opd:x", { kind: "Role", name: "ghost" }),
    ]);
    expect(v.map((x) => x.message)).toEqual([
      "RoleBinding kominfo/extra binds group opd:x to Role ghost, which this stack does not define; define the role in the stack so its rules are reviewed",
    ]);
  });

  it("leaves view, and groups that are not tenants' outside tenant namespaces, alone", async () => {
    const view = roleBinding("kominfo", "opd:diskominfo", { kind: "ClusterRole", name: "view" });
    const platform = roleBinding("monitoring", "platform-admins", { kind: "ClusterRole", name: "admin" });
    expect(await stackViolations(tenantRbac, [...chart(), view, platform])).toEqual([]);
    expect(wideGrants([{ apiGroups: ["apps"], resources: ["secrets"], verbs: ["get"] }])).toEqual([]);
  });
});
