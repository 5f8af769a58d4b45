// The two service KPIs of the roadmap, from the service catalog and, live, from the SmartService
// objects' Ready conditions in the cluster.
//
//   essential public services online  = essential public services with status `online`
//                                        / essential public services not `retired`
//   internal admin services digitised  = internal services with status `online`
//                                        / internal services not `retired`
//
// `planned` and `pilot` count in the denominator and not in the numerator (a pilot is not yet the
// service for everyone); `retired` ones leave both. Live ("cluster"): the same denominator, and an
// essential public service counts as online when a SmartService named by its catalog id is in the
// cluster with its Ready condition True. The same definitions are in inventory/README.md.
import type { Service } from "../../model/types.ts";
import { M } from "../metric-names.ts";
import { dateSeconds, SERVICE_KPIS } from "../roadmap.ts";
import { countBy, type Family, family } from "./families.ts";

/** What the KPIs read of a catalog record (inventory/services.yaml). */
export type CatalogService = Pick<Service, "id" | "tenant" | "kind" | "essential" | "status">;

/** A SmartService as read from the cluster. */
export interface LiveService {
  namespace: string;
  name: string;
  ready: boolean;
}

export interface ServiceKpis {
  essentialPublic: { counted: number; online: number; ratio: number | null };
  internalAdmin: { counted: number; digitised: number; ratio: number | null };
}

const ratio = (n: number, d: number) => (d === 0 ? null : n / d);

export function serviceKpis(catalog: readonly CatalogService[]): ServiceKpis {
  const live = catalog.filter((s) => s.status !== "retired");
  const essential = live.filter((s) => s.kind === "public" && s.essential);
  const internal = live.filter((s) => s.kind === "internal");
  const online = essential.filter((s) => s.status === "online").length;
  const digitised = internal.filter((s) => s.status === "online").length;
  return {
    essentialPublic: { counted: essential.length, online, ratio: ratio(online, essential.length) },
    internalAdmin: { counted: internal.length, digitised, ratio: ratio(digitised, internal.length) },
  };
}

/** Essential public services online by the cluster's Ready conditions (same denominator as the catalog). */
export function liveEssentialOnline(
  catalog: readonly CatalogService[],
  cluster: readonly LiveService[],
): number | null {
  const ready = new Set(cluster.filter((s) => s.ready).map((s) => s.name));
  const essential = catalog.filter((s) => s.status !== "retired" && s.kind === "public" && s.essential);
  return ratio(essential.filter((s) => ready.has(s.id)).length, essential.length);
}

export function catalogFamilies(catalog: readonly CatalogService[]): Family[] {
  const k = serviceKpis(catalog);
  return [
    family(
      M.services,
      "Catalog services by kind, essential and status.",
      ["kind", "essential", "status"],
      countBy(catalog, (s) => ({ kind: s.kind, essential: String(s.essential), status: s.status })),
    ),
    family(
      M.serviceKpiGoal,
      "The roadmap's goal for a service KPI.",
      ["kpi"],
      [
        { labels: { kpi: "essential-public-online" }, value: SERVICE_KPIS.essentialPublicOnline.goal },
        { labels: { kpi: "internal-admin-digitised" }, value: SERVICE_KPIS.internalAdminDigitised.goal },
      ],
    ),
    family(
      M.serviceKpiDeadline,
      "The deadline of a service KPI (midnight UTC).",
      ["kpi"],
      [
        {
          labels: { kpi: "essential-public-online" },
          value: dateSeconds(SERVICE_KPIS.essentialPublicOnline.by),
        },
        {
          labels: { kpi: "internal-admin-digitised" },
          value: dateSeconds(SERVICE_KPIS.internalAdminDigitised.by),
        },
      ],
    ),
    family(
      M.internalAdminDigitised,
      "Internal administration services online over those not retired (catalog).",
      [],
      [{ labels: {}, value: k.internalAdmin.ratio ?? Number.NaN }],
    ),
  ];
}

/** Families that change while the exporter runs: the catalog's figure and, when read, the cluster's. */
export function liveFamilies(
  catalog: readonly CatalogService[],
  cluster: readonly LiveService[] | null,
): Family[] {
  const byName = new Map(catalog.map((s) => [s.id, s]));
  const online = [
    { labels: { source: "catalog" }, value: serviceKpis(catalog).essentialPublic.ratio ?? Number.NaN },
  ];
  if (cluster)
    online.push({
      labels: { source: "cluster" },
      value: liveEssentialOnline(catalog, cluster) ?? Number.NaN,
    });
  return [
    family(
      M.essentialPublicOnline,
      "Essential public services online over those not retired; source catalog or cluster (Ready conditions).",
      ["source"],
      online,
    ),
    family(
      M.smartServiceReady,
      "1 when the SmartService's Ready condition is True. Owner, kind and essential come from the catalog entry of the same name.",
      ["namespace", "name", "opd", "kind", "essential"],
      (cluster ?? []).map((s) => {
        const entry = byName.get(s.name);
        return {
          labels: {
            namespace: s.namespace,
            name: s.name,
            opd: entry?.tenant ?? "unassigned",
            kind: entry?.kind ?? "unknown",
            essential: String(entry?.essential ?? false),
          },
          value: s.ready ? 1 : 0,
        };
      }),
    ),
  ];
}
