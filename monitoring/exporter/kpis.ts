// The KPI exporter's model figures: fiber coverage per target, category and kecamatan; Tier II N+1
// headroom per component class and fuel hours; sites and links by status; what losing each PoP or
// core cuts off; link margins; how many inputs are estimates. Every value is read from model/'s
// analyses of the inventory, never recomputed here.
import type { AnalysisResults } from "../../model/analyses/index.ts";
import type { Inventory } from "../../model/types.ts";
import { M } from "../metric-names.ts";
import { dateSeconds, PHASE_START } from "../roadmap.ts";
import { countBy, type Family, family } from "./families.ts";

type Analyses = Pick<AnalysisResults, "coverage" | "optics" | "diversity" | "tier2">;

const SCOPES = [
  ["all", "all"],
  ["without-province", "withoutProvince"],
] as const;

function coverageFamilies(inventory: Inventory, a: Analyses): Family[] {
  const t = a.coverage.targets;
  // A family of one value per target and scope; its label names stand beside the labels it sets.
  const perScope = (name: string, help: string, pick: (s: (typeof t)[number]["all"]) => number | null) =>
    family(
      name,
      help,
      ["target", "scope"],
      t.flatMap((target) =>
        SCOPES.map(([scope, key]) => ({
          labels: { target: target.targetId, scope },
          value: pick(target[key]) ?? Number.NaN,
        })),
      ),
    );
  const byTarget = new Map(inventory.targets.map((x) => [x.id, x]));
  const start = (id: string): number => {
    const target = byTarget.get(id);
    const phaseStart = target?.phase === undefined ? undefined : PHASE_START[target.phase];
    const date = phaseStart ?? target?.provenance?.asOf;
    return date === undefined ? Number.NaN : dateSeconds(date);
  };
  const perTarget = (name: string, help: string, value: (id: string) => number) =>
    family(
      name,
      help,
      ["target"],
      t.map((x) => ({ labels: { target: x.targetId }, value: value(x.targetId) })),
    );
  return [
    perScope(
      M.fiberTargetCoverage,
      "Share of a target's in-scope sites covered by fiber that reaches a core.",
      (s) => s.ratio,
    ),
    perScope(M.fiberTargetCovered, "In-scope sites covered by fiber that reaches a core.", (s) => s.covered),
    perScope(M.fiberTargetInScope, "Sites a target counts.", (s) => s.inScope),
    perScope(M.fiberTargetGap, "Sites still to connect to reach the target's ratio.", (s) => s.gap),
    perTarget(
      M.fiberTargetGoal,
      "The ratio a target asks for.",
      (id) => byTarget.get(id)?.ratio ?? Number.NaN,
    ),
    perTarget(
      M.fiberTargetStart,
      "Start of the target's roadmap phase (midnight UTC), where its trajectory begins at 0.",
      start,
    ),
    perTarget(M.fiberTargetDeadline, "The target's deadline (midnight UTC).", (id) =>
      dateSeconds(t.find((x) => x.targetId === id)?.by ?? ""),
    ),
    family(
      M.fiberTargetCategoryCoverage,
      "Each category of a target on its own, against the same ratio.",
      ["target", "category"],
      t.flatMap((x) =>
        x.byCategory.map((c) => ({
          labels: { target: x.targetId, category: c.category },
          value: c.ratio ?? Number.NaN,
        })),
      ),
    ),
    family(
      M.fiberCategoryCoverage,
      "Served sites covered, by category (all authorities).",
      ["category"],
      a.coverage.byCategory.map((g) => ({ labels: { category: g.key }, value: g.ratio ?? Number.NaN })),
    ),
    family(
      M.fiberKecamatanCoverage,
      "Served sites covered, by kecamatan (all authorities).",
      ["kecamatan"],
      a.coverage.byKecamatan.map((g) => ({ labels: { kecamatan: g.key }, value: g.ratio ?? Number.NaN })),
    ),
  ];
}

function datacenterFamilies(inventory: Inventory, a: Analyses): Family[] {
  const classes = a.tier2.classes;
  const perClass = (name: string, help: string, value: (c: (typeof classes)[number]) => number | null) =>
    family(
      name,
      help,
      ["class"],
      classes.map((c) => ({ labels: { class: c.class }, value: value(c) ?? Number.NaN })),
    );
  return [
    perClass(
      M.dcNPlusOne,
      "1 when the class still carries its demand with its largest operational unit out (Tier II).",
      (c) => (c.ok ? 1 : 0),
    ),
    perClass(M.dcOperationalUnits, "Operational units of the class.", (c) => c.actual),
    perClass(
      M.dcRequiredUnits,
      "Units N+1 needs (N = fewest operational units that carry the demand).",
      (c) => c.required,
    ),
    perClass(
      M.dcHeadroom,
      "Capacity with the largest unit out, over the demand, minus 1 (below 0: not N+1).",
      (c) => (c.applicable ? c.capacityOneOut / c.demand - 1 : null),
    ),
    family(
      M.dcComponentUp,
      "1 when the component is operational (maintenance and failed units are out; planned ones are not listed).",
      ["component", "class"],
      inventory.datacenter.components
        .filter((c) => c.status !== "planned")
        .map((c) => ({
          labels: { component: c.id, class: c.class },
          value: c.status === "operational" ? 1 : 0,
        })),
    ),
    family(
      M.dcFuelAutonomy,
      "Generator autonomy at N load, on all operational tanks and with the largest tank out.",
      ["view"],
      [
        { labels: { view: "all-tanks" }, value: a.tier2.fuel.hoursAllTanks * 3600 },
        { labels: { view: "one-tank-out" }, value: a.tier2.fuel.hoursOneTankOut * 3600 },
      ],
    ),
    family(
      M.dcFuelRequired,
      "Autonomy Tier II asks for at N load.",
      [],
      [{ labels: {}, value: a.tier2.fuel.requiredHours * 3600 }],
    ),
  ];
}

function networkFamilies(inventory: Inventory, a: Analyses): Family[] {
  const cutOff = new Map(a.diversity.cutVertices.map((v) => [v.siteId, v.sitesCutOff]));
  const infrastructure = inventory.sites.filter(
    (s) => (s.category === "pop" || s.category === "core") && s.connection.status === "operational",
  );
  return [
    family(
      M.sites,
      "Sites by category and connection status.",
      ["category", "status"],
      countBy(inventory.sites, (s) => ({ category: s.category, status: s.connection.status })),
    ),
    family(
      M.links,
      "Links by tier and status.",
      ["tier", "status"],
      countBy(inventory.links, (l) => ({ tier: l.tier, status: l.status })),
    ),
    family(
      M.siteCutOff,
      "Served sites left without any path to a core if this PoP or core is lost (0: meshed).",
      ["site"],
      infrastructure
        .map((s) => ({ labels: { site: s.id }, value: cutOff.get(s.id) ?? 0 }))
        .sort((x, y) => (x.labels.site < y.labels.site ? -1 : 1)),
    ),
    family(
      M.linkMargin,
      "Optical margin of the link (budget minus loss); the design rule is at least 3 dB.",
      ["link", "tier", "status"],
      a.optics.links
        .filter((l) => l.status !== "decommissioned")
        .map((l) => ({ labels: { link: l.linkId, tier: l.tier, status: l.status }, value: l.marginDb })),
    ),
  ];
}

function provenanceFamily(inventory: Inventory): Family {
  const records: { kind: string; illustrative: boolean }[] = [
    { kind: "city", illustrative: inventory.city.provenance.illustrative },
    { kind: "datacenter", illustrative: inventory.datacenter.provenance.illustrative },
    ...inventory.tenants.map((t) => ({ kind: "tenant", illustrative: t.provenance?.illustrative ?? true })),
    ...inventory.targets.map((t) => ({ kind: "target", illustrative: t.provenance?.illustrative ?? true })),
    ...inventory.sites.map((s) => ({ kind: "site", illustrative: s.provenance.illustrative })),
    ...inventory.links.map((l) => ({ kind: "link", illustrative: l.provenance.illustrative })),
  ];
  return family(
    M.records,
    "Inventory records by kind and provenance (estimate: marked illustrative; a record without provenance counts as an estimate).",
    ["kind", "provenance"],
    countBy(records, (r) => ({ kind: r.kind, provenance: r.illustrative ? "estimate" : "surveyed" })),
  );
}

export function modelFamilies(inventory: Inventory, analyses: Analyses): Family[] {
  return [
    ...coverageFamilies(inventory, analyses),
    ...datacenterFamilies(inventory, analyses),
    ...networkFamilies(inventory, analyses),
    provenanceFamily(inventory),
  ];
}
