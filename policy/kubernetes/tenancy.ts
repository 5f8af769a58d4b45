// Rules about tenants (OPD) sharing a cluster: each tenant namespace is closed by default, and no
// tenant group is granted secrets or wildcards. Both need the whole stack (a namespace and the
// NetworkPolicies in it; a binding and the role it names), so they are stack rules.
import type { PolicyResource, StackFinding, StackRule } from "../rule.ts";
import { isKind, list, metadata, obj, objects, str } from "./objects.ts";

/** The label that marks a namespace as a tenant's (set by charts/tenant-namespace.ts). */
export const TENANT_LABEL = "smartcity.baubaukota.go.id/tenant";
/** Identity-provider groups of the OPD teams: `opd:<tenant>`. */
export const TENANT_GROUP_PREFIX = "opd:";

function tenantNamespaces(resources: readonly PolicyResource[]) {
  return resources
    .filter((r) => r.type === "kubernetes:core/v1:Namespace")
    .map((r) => ({ r, meta: metadata(r) }))
    .filter(({ meta }) => meta.labels[TENANT_LABEL] !== undefined);
}

/** Selects every pod: an empty podSelector. */
function selectsAll(selector: unknown): boolean {
  const s = obj(selector);
  if (!s) return false;
  return Object.keys(obj(s.matchLabels) ?? {}).length === 0 && list(s.matchExpressions).length === 0;
}

export const tenantDefaultDeny: StackRule = {
  kind: "stack",
  id: "k8s-tenant-default-deny",
  severity: "critical",
  description: "Every tenant namespace has a default-deny NetworkPolicy for ingress and egress.",
  source: "BSSN 4/2021 (SPBE security): segregation of tenants; Kubernetes NetworkPolicy",
  enforcement: { twin: "mandatory", production: "mandatory" },
  check(resources) {
    const denies = new Map<string, { ingress: boolean; egress: boolean }>();
    for (const r of resources) {
      if (!isKind(r, "networking.k8s.io", "NetworkPolicy")) continue;
      const spec = obj(r.props.spec) ?? {};
      if (!selectsAll(spec.podSelector)) continue;
      const types = list(spec.policyTypes).map(String);
      const ns = metadata(r).namespace;
      const d = denies.get(ns) ?? { ingress: false, egress: false };
      // policyTypes defaults to Ingress only; an allow rule makes it no longer a deny.
      const ingressTyped = types.length === 0 || types.includes("Ingress");
      if (ingressTyped && list(spec.ingress).length === 0) d.ingress = true;
      if (types.includes("Egress") && list(spec.egress).length === 0) d.egress = true;
      denies.set(ns, d);
    }
    const out: StackFinding[] = [];
    for (const { r, meta } of tenantNamespaces(resources)) {
      const d = denies.get(meta.name) ?? { ingress: false, egress: false };
      const missing = [d.ingress ? "" : "Ingress", d.egress ? "" : "Egress"].filter(Boolean);
      if (missing.length)
        out.push({
          urn: r.urn,
          message:
            `tenant namespace ${meta.name} (${String(meta.labels[TENANT_LABEL])}) has no default-deny for ` +
            `${missing.join(" and ")}: add a NetworkPolicy with podSelector: {}, policyTypes: ` +
            `[${missing.join(", ")}] and no ${missing.map((m) => m.toLowerCase()).join("/")} rules`,
        });
    }
    return out;
  },
};

/** Built-in ClusterRoles that grant secrets or everything (view grants neither). */
const BUILT_IN_WIDE: Readonly<Record<string, string>> = {
  "cluster-admin": "every verb on every resource",
  admin: "read and write access to secrets",
  edit: "read and write access to secrets",
};

/** What a role's rules grant that a tenant group must not have. */
export function wideGrants(rules: unknown): string[] {
  const out: string[] = [];
  for (const rule of objects(rules)) {
    const groups = list(rule.apiGroups).map(String);
    const resources = list(rule.resources).map(String);
    const verbs = list(rule.verbs).map(String);
    if (verbs.includes("*")) out.push(`verbs: ["*"] on ${resources.join(", ") || "(no resources)"}`);
    if (resources.includes("*")) out.push(`resources: ["*"] in apiGroups ${JSON.stringify(groups)}`);
    if (groups.includes("*")) out.push('apiGroups: ["*"]');
    if (list(rule.nonResourceURLs).map(String).includes("*")) out.push('nonResourceURLs: ["*"]');
    const coreGroup = groups.includes("") || groups.includes("*");
    if (coreGroup && resources.some((r) => r === "secrets" || r.startsWith("secrets/")))
      out.push(`secrets (${verbs.join(", ")})`);
  }
  return [...new Set(out)];
}

export const tenantRbac: StackRule = {
  kind: "stack",
  id: "k8s-rbac-tenant-least-privilege",
  severity: "critical",
  description: "No RoleBinding or ClusterRoleBinding grants a tenant group secrets or wildcards.",
  source: "BSSN 4/2021 (least privilege); Kubernetes RBAC good practices",
  enforcement: { twin: "mandatory", production: "mandatory" },
  check(resources) {
    const tenantNs = new Set(tenantNamespaces(resources).map(({ meta }) => meta.name));
    const roles = new Map<string, unknown>();
    for (const r of resources) {
      const meta = metadata(r);
      if (isKind(r, "rbac.authorization.k8s.io", "Role"))
        roles.set(`Role/${meta.namespace}/${meta.name}`, r.props.rules);
      if (isKind(r, "rbac.authorization.k8s.io", "ClusterRole"))
        roles.set(`ClusterRole/${meta.name}`, r.props.rules);
    }
    const out: StackFinding[] = [];
    for (const r of resources) {
      const cluster = isKind(r, "rbac.authorization.k8s.io", "ClusterRoleBinding");
      if (!cluster && !isKind(r, "rbac.authorization.k8s.io", "RoleBinding")) continue;
      const meta = metadata(r);
      const groups = objects(r.props.subjects)
        .filter((s) => s.kind === "Group")
        .map((s) => str(s.name) ?? "")
        .filter(
          (g) =>
            g.startsWith(TENANT_GROUP_PREFIX) ||
            (!cluster && tenantNs.has(meta.namespace) && !g.startsWith("system:")),
        );
      if (!groups.length) continue;
      const ref = obj(r.props.roleRef) ?? {};
      const refKind = str(ref.kind) ?? "Role";
      const refName = str(ref.name) ?? "";
      const key = refKind === "ClusterRole" ? `ClusterRole/${refName}` : `Role/${meta.namespace}/${refName}`;
      const binding = `${cluster ? "ClusterRoleBinding" : "RoleBinding"} ${cluster ? meta.name : `${meta.namespace}/${meta.name}`}`;
      const who = `group${groups.length > 1 ? "s" : ""} ${groups.join(", ")}`;
      let grants: string[];
      if (roles.has(key)) grants = wideGrants(roles.get(key));
      else if (refKind === "ClusterRole" && BUILT_IN_WIDE[refName])
        grants = [BUILT_IN_WIDE[refName] as string];
      else if (refKind === "ClusterRole" && refName === "view") grants = [];
      else {
        out.push({
          urn: r.urn,
          message: `${binding} binds ${who} to ${refKind} ${refName}, which this stack does not define; define the role in the stack so its rules are reviewed`,
        });
        continue;
      }
      if (grants.length)
        out.push({
          urn: r.urn,
          message:
            `${binding} grants tenant ${who} ${grants.join("; ")} through ${refKind} ${refName}: ` +
            'list the resources and verbs the team needs, without secrets or "*"',
        });
    }
    return out;
  },
};
