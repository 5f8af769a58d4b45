// The service catalog refers to tenants, clusters and other services. A running service (pilot or
// online) can only depend on running services in the data center on the same cluster, because its
// NetworkPolicy admits traffic from its dependants' namespaces on that cluster only; and a cycle of
// dependencies would leave no service to start first.
import { DirectedGraph } from "graphology";
import { stronglyConnectedComponents } from "graphology-components";
import type { Service } from "../../types.ts";
import type { Origin } from "../collect.ts";
import type { PathSegment } from "../problem.ts";
import type { CheckContext } from "./context.ts";

const RUNNING: ReadonlySet<Service["status"]> = new Set(["pilot", "online"]);

export function checkServices(ctx: CheckContext): void {
  const { items, origins, brokenIds } = ctx.data.services;
  if (items.length === 0) return;
  const at = (i: number, ...rest: PathSegment[]) => {
    const o = origins.at(i) as Origin;
    return { file: o.file, path: ["services", o.index, ...rest] };
  };
  const byId = new Map<string, number>();
  items.forEach((s, i) => {
    if (!byId.has(s.id)) byId.set(s.id, i);
  });
  const dc = ctx.data.datacenter?.value;
  const clusterIds = dc?.clusters.map((c) => c.id) ?? [];
  const hosts = new Map<string, number>();
  const siteIds = () => ctx.siteIndex.keys();

  items.forEach((s, i) => {
    if (ctx.unknownTenant(s.tenant))
      ctx.unknownRef(at(i, "tenant"), "tenant", s.tenant, ctx.tenantCandidates);
    const walidata = s.data?.walidata;
    if (walidata !== undefined && ctx.unknownTenant(walidata))
      ctx.unknownRef(at(i, "data", "walidata"), "tenant", walidata, ctx.tenantCandidates);
    const offsite = s.data?.backup?.offsite;
    if (offsite !== undefined && !ctx.siteIndex.has(offsite))
      ctx.unknownRef(at(i, "data", "backup", "offsite"), "site", offsite, siteIds);
    const w = s.workload;
    if (!w) return;
    if (dc && !clusterIds.includes(w.cluster)) {
      ctx.unknownRef(at(i, "workload", "cluster"), "cluster", w.cluster, () => clusterIds, clusterIds);
    }
    if (w.host !== undefined) {
      const other = hosts.get(w.host);
      if (other === undefined) hosts.set(w.host, i);
      else
        ctx.report({
          ...at(i, "workload", "host"),
          message: `host "${w.host}" is already the host of service "${items[other]?.id}"; each public host routes to one service`,
          related: at(other, "workload", "host"),
        });
    }
    w.dependsOn.forEach((dep, k) => {
      const where = at(i, "workload", "dependsOn", k);
      const j = byId.get(dep);
      if (j === undefined) {
        if (!brokenIds.has(dep)) ctx.unknownRef(where, "service", dep, () => byId.keys());
        return;
      }
      const target = items[j] as Service;
      if (!target.workload) {
        ctx.report({
          ...where,
          message: `"${dep}" is hosted by "${target.hosting}", not in the data center; only data-center services can be dependencies`,
          related: at(j, "hosting"),
        });
      } else if (target.workload.cluster !== w.cluster) {
        ctx.report({
          ...where,
          message: `"${dep}" runs on cluster "${target.workload.cluster}", this service on "${w.cluster}"; dependencies must share a cluster`,
          related: at(j, "workload", "cluster"),
        });
      } else if (RUNNING.has(s.status) && !RUNNING.has(target.status)) {
        ctx.report({
          ...where,
          message: `"${dep}" is ${target.status}; a ${s.status} service can only depend on pilot or online services`,
          related: at(j, "status"),
        });
      }
    });
  });

  const graph = new DirectedGraph();
  for (const s of items) graph.mergeNode(s.id);
  for (const s of items)
    for (const dep of s.workload?.dependsOn ?? []) if (byId.has(dep)) graph.mergeEdge(s.id, dep);
  for (const component of stronglyConnectedComponents(graph)) {
    if (component.length < 2) continue;
    const ids = [...component].sort();
    const first = byId.get(ids[0] as string) as number;
    ctx.report({
      ...at(first, "workload", "dependsOn"),
      message: `services ${ids.map((x) => `"${x}"`).join(", ")} depend on each other in a cycle; one of them must not depend on the others`,
    });
  }
}
