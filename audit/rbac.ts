// What an RBAC change grants that was not granted before: rules expanded to single grants
// (API group, resource, verb) and compared, bindings compared by subject. Grants of secrets,
// wildcards and escalation verbs are marked, because those are what a tenant must never get.
import type { Change } from "./changes.ts";

export interface RbacWidening {
  urn: string;
  kind: string;
  namespace?: string;
  objectName?: string;
  /** The provider (cluster) it lands on. */
  provider?: string;
  /** "group/resource:verb" grants added, sorted; or "Kind:name" subjects added to a binding. */
  added: string[];
  /** The subset of `added` that touches secrets, uses a wildcard or lets one escalate. */
  sensitive: string[];
  /** The binding now refers to a different role (roleRef kind/name). */
  roleRefChanged?: { from: string; to: string };
  /** Whether the object is new (a fresh grant) rather than widened. */
  created: boolean;
}

const ROLE_KINDS = new Set(["Role", "ClusterRole"]);
const BINDING_KINDS = new Set(["RoleBinding", "ClusterRoleBinding"]);
const ESCALATING_VERBS = new Set(["*", "bind", "escalate", "impersonate"]);
/** Built-in roles that include secrets: whoever is bound to them can read them. */
const BROAD_ROLES = new Set(["ClusterRole/cluster-admin", "ClusterRole/admin", "ClusterRole/edit"]);

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x) => typeof x === "string") : []);

function grants(inputs: Record<string, unknown> | undefined): Set<string> {
  const out = new Set<string>();
  const rules = Array.isArray(inputs?.rules) ? (inputs.rules as Record<string, unknown>[]) : [];
  for (const rule of rules) {
    const groups = strings(rule.apiGroups);
    const resources = strings(rule.resources);
    const urls = strings(rule.nonResourceURLs);
    for (const verb of strings(rule.verbs)) {
      for (const group of groups.length ? groups : [""]) {
        for (const resource of resources) out.add(`${group === "" ? "core" : group}/${resource}:${verb}`);
      }
      for (const url of urls) out.add(`url ${url}:${verb}`);
    }
  }
  return out;
}

function subjects(inputs: Record<string, unknown> | undefined): Set<string> {
  const list = Array.isArray(inputs?.subjects) ? (inputs.subjects as Record<string, unknown>[]) : [];
  return new Set(list.map((s) => `${s.kind}:${s.namespace ? `${s.namespace}/` : ""}${s.name}`));
}

function roleRef(inputs: Record<string, unknown> | undefined): string {
  const r = inputs?.roleRef as Record<string, unknown> | undefined;
  return r ? `${r.kind}/${r.name}` : "";
}

function isSensitive(grant: string): boolean {
  const [what = "", verb = ""] = grant.split(/:(?=[^:]*$)/);
  const resource = what.split("/").slice(1).join("/");
  return (
    what.includes("*") ||
    ESCALATING_VERBS.has(verb) ||
    resource === "secrets" ||
    resource.startsWith("secrets/") ||
    what.includes("/clusterroles") ||
    what.includes("/roles")
  );
}

/** RBAC objects that grant more after the change than before (creations included, marked). */
export function rbacWidenings(changes: readonly Change[]): RbacWidening[] {
  const out: RbacWidening[] = [];
  for (const c of changes) {
    if (c.op === "delete" || c.op === "same" || c.op === "read") continue;
    const isRole = ROLE_KINDS.has(c.kind);
    const isBinding = BINDING_KINDS.has(c.kind);
    if (!isRole && !isBinding) continue;
    const before = c.before && c.op !== "create" ? c.before : undefined;
    const was = isRole ? grants(before) : subjects(before);
    const now = isRole ? grants(c.after) : subjects(c.after);
    const added = [...now].filter((g) => !was.has(g)).sort();
    const refFrom = roleRef(before);
    const refTo = roleRef(c.after);
    const roleRefChanged =
      isBinding && before && refFrom !== refTo ? { from: refFrom, to: refTo } : undefined;
    if (!added.length && !roleRefChanged) continue;
    out.push({
      urn: c.urn,
      kind: c.kind,
      ...(c.namespace ? { namespace: c.namespace } : {}),
      ...(c.objectName ? { objectName: c.objectName } : {}),
      ...(c.provider ? { provider: c.provider } : {}),
      added,
      sensitive: isRole ? added.filter(isSensitive) : BROAD_ROLES.has(refTo) ? added : [],
      ...(roleRefChanged ? { roleRefChanged } : {}),
      created: before === undefined,
    });
  }
  return out.sort((a, b) => (a.urn < b.urn ? -1 : a.urn > b.urn ? 1 : 0));
}
