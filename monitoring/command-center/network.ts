// What the Command Center page draws, from the inventory: the city's bounding box, every site with
// its position and planned status, every link, and the KPI tiles' goals and deadlines. Live state
// (probes, KPI values, alerts) comes from Prometheus and Alertmanager at run time.
import type { Inventory } from "../../model/types.ts";
import { R } from "../metric-names.ts";
import { SERVICE_KPIS } from "../roadmap.ts";

export interface KpiTile {
  id: string;
  title: string;
  /** PromQL whose single value the tile shows (a ratio). */
  query: string;
  goal: number;
  by: string;
}

export interface NetworkView {
  city: string;
  bbox: Inventory["city"]["bbox"];
  sites: {
    id: string;
    name: string;
    category: string;
    kecamatan: string;
    lat: number;
    lon: number;
    status: string;
  }[];
  links: { id: string; a: string; b: string; status: string }[];
  tiles: KpiTile[];
}

export function networkView(inventory: Inventory): NetworkView {
  const fiber = [...inventory.targets]
    .sort((x, y) => (x.id < y.id ? -1 : 1))
    .map((t) => ({
      id: t.id,
      title: `Fiber coverage · ${t.id}`,
      query: `${R.fiberCoverage}{target="${t.id}",scope="all"}`,
      goal: t.ratio,
      by: t.by,
    }));
  return {
    city: inventory.city.name,
    bbox: inventory.city.bbox,
    sites: inventory.sites
      .map((s) => ({
        id: s.id,
        name: s.name,
        category: s.category,
        kecamatan: s.kecamatan,
        lat: s.location.lat,
        lon: s.location.lon,
        status: s.connection.status,
      }))
      .sort((x, y) => (x.id < y.id ? -1 : 1)),
    links: inventory.links
      .map((l) => ({ id: l.id, a: l.a, b: l.b, status: l.status }))
      .sort((x, y) => (x.id < y.id ? -1 : 1)),
    tiles: [
      ...fiber,
      {
        id: "essential-public-online",
        title: "Essential public services online",
        query: R.essentialPublicOnline,
        goal: SERVICE_KPIS.essentialPublicOnline.goal,
        by: SERVICE_KPIS.essentialPublicOnline.by,
      },
      {
        id: "internal-admin-digitised",
        title: "Internal administration services digitised",
        query: R.internalAdminDigitised,
        goal: SERVICE_KPIS.internalAdminDigitised.goal,
        by: SERVICE_KPIS.internalAdminDigitised.by,
      },
      {
        id: "datacenter-n-plus-one",
        title: "Data-center classes at N+1",
        query: R.dcLevel,
        goal: 1,
        by: "",
      },
    ],
  };
}
