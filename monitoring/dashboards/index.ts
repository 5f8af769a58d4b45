// The dashboards as code: roadmap KPIs, network, services, data center, operator. Every query uses
// the names in ../metric-names.ts, so a renamed metric breaks the build, not a dashboard in production.
import { JOB, M, OPERATOR, R } from "../metric-names.ts";
import { BURN_RATE_ALERTS, errorBudget, TIER2_AVAILABILITY_OBJECTIVE } from "../rules/slo.ts";
import { type Dashboard, dashboard } from "./model.ts";

const ratio = { unit: "percentunit", min: 0, max: 1 };

function roadmap(): Dashboard {
  return dashboard("baubau-roadmap", "Baubau · Roadmap KPIs", [
    {
      type: "bargauge",
      title: "Fiber coverage per target",
      queries: [{ expr: `${R.fiberCoverage}{scope="all"}`, legend: "{{target}}" }],
      w: 12,
      ...ratio,
    },
    {
      type: "bargauge",
      title: "Goal per target",
      queries: [{ expr: M.fiberTargetGoal, legend: "{{target}}" }],
      w: 12,
      ...ratio,
    },
    {
      type: "timeseries",
      title: "Coverage against the trajectory to the deadline",
      queries: [
        { expr: `${R.fiberCoverage}{scope="all"}`, legend: "{{target}} covered" },
        { expr: R.fiberTrajectory, legend: "{{target}} trajectory" },
      ],
      w: 16,
      h: 8,
      ...ratio,
    },
    {
      type: "table",
      title: "Sites behind the trajectory today",
      queries: [{ expr: `${R.fiberBehind}{scope="all"}`, legend: "{{target}}" }],
      w: 8,
      h: 8,
    },
    {
      type: "bargauge",
      title: "Coverage by kecamatan (served sites)",
      queries: [{ expr: M.fiberKecamatanCoverage, legend: "{{kecamatan}}" }],
      w: 12,
      h: 8,
      ...ratio,
    },
    {
      type: "bargauge",
      title: "Coverage by category (served sites)",
      queries: [{ expr: M.fiberCategoryCoverage, legend: "{{category}}" }],
      w: 12,
      h: 8,
      ...ratio,
    },
    {
      type: "stat",
      title: "Essential public services online",
      queries: [{ expr: R.essentialPublicOnline }],
      w: 8,
      ...ratio,
    },
    {
      type: "stat",
      title: "Internal administration services digitised",
      queries: [{ expr: R.internalAdminDigitised }],
      w: 8,
      ...ratio,
    },
    {
      type: "stat",
      title: "Inputs that are estimates",
      queries: [{ expr: `sum(${M.records}{provenance="estimate"}) / sum(${M.records})` }],
      w: 8,
      ...ratio,
    },
  ]);
}

function network(): Dashboard {
  const probe = `probe_success{job="${JOB.sites}"}`;
  return dashboard("baubau-network", "Baubau · Network", [
    { type: "stat", title: "Probed sites answering", queries: [{ expr: R.sitesReachable }], w: 6, ...ratio },
    {
      type: "stat",
      title: "Sites not answering",
      queries: [{ expr: `count(${probe} == 0) or vector(0)` }],
      w: 6,
    },
    {
      type: "bargauge",
      title: "Sites by status",
      queries: [{ expr: `sum by (status) (${M.sites})`, legend: "{{status}}" }],
      w: 6,
    },
    {
      type: "bargauge",
      title: "Links by status",
      queries: [{ expr: `sum by (status) (${M.links})`, legend: "{{status}}" }],
      w: 6,
    },
    { type: "table", title: "Probe per site", queries: [{ expr: probe, legend: "{{site}}" }], w: 12, h: 10 },
    {
      type: "timeseries",
      title: "Probe round trip",
      queries: [{ expr: `probe_duration_seconds{job="${JOB.sites}"}`, legend: "{{site}}" }],
      unit: "s",
      w: 12,
      h: 10,
    },
    {
      type: "bargauge",
      title: "Sites cut off if this PoP or core is lost",
      queries: [{ expr: `${M.siteCutOff} > 0`, legend: "{{site}}" }],
      w: 12,
      h: 8,
    },
    {
      type: "bargauge",
      title: "Optical margin of operational links",
      queries: [{ expr: `sort(${M.linkMargin}{status="operational"})`, legend: "{{link}}" }],
      unit: "dB",
      w: 12,
      h: 8,
    },
  ]);
}

function services(): Dashboard {
  return dashboard("baubau-services", "Baubau · Services", [
    {
      type: "stat",
      title: "Essential public services online (cluster, else catalog)",
      queries: [{ expr: R.essentialPublicOnline }],
      w: 8,
      ...ratio,
    },
    {
      type: "bargauge",
      title: "Essential public online by source",
      queries: [{ expr: M.essentialPublicOnline, legend: "{{source}}" }],
      w: 8,
      ...ratio,
    },
    {
      type: "stat",
      title: "SmartService list from the cluster works",
      queries: [{ expr: M.clusterReadSuccess }],
      w: 8,
    },
    {
      type: "bargauge",
      title: "Catalog services by status",
      queries: [{ expr: `sum by (kind, status) (${M.services})`, legend: "{{kind}} {{status}}" }],
      w: 12,
      h: 8,
    },
    {
      type: "table",
      title: "SmartService Ready",
      queries: [{ expr: M.smartServiceReady, legend: "{{namespace}}/{{name}}" }],
      w: 12,
      h: 8,
    },
  ]);
}

function datacenter(): Dashboard {
  const budget = errorBudget(TIER2_AVAILABILITY_OBJECTIVE);
  return dashboard("baubau-datacenter", "Baubau · Data center (Tier II)", [
    {
      type: "bargauge",
      title: "N+1 per component class",
      queries: [{ expr: M.dcNPlusOne, legend: "{{class}}" }],
      w: 8,
      min: 0,
      max: 1,
    },
    {
      type: "bargauge",
      title: "Headroom with the largest unit out",
      queries: [{ expr: R.dcHeadroom, legend: "{{class}}" }],
      unit: "percentunit",
      w: 8,
    },
    {
      type: "table",
      title: "Operational and required units",
      queries: [
        { expr: M.dcOperationalUnits, legend: "{{class}} operational" },
        { expr: M.dcRequiredUnits, legend: "{{class}} required" },
      ],
      w: 8,
    },
    {
      type: "bargauge",
      title: "Fuel autonomy at N load",
      queries: [
        { expr: M.dcFuelAutonomy, legend: "{{view}}" },
        { expr: M.dcFuelRequired, legend: "required" },
      ],
      unit: "s",
      w: 12,
    },
    {
      type: "table",
      title: "Components (1 operational, 0 out)",
      queries: [{ expr: M.dcComponentUp, legend: "{{component}}" }],
      w: 12,
    },
    {
      type: "stat",
      title: "API servers answering (the Tier-2 SLI)",
      queries: [{ expr: `avg(up{job="${JOB.apiservers}"})` }],
      w: 8,
      ...ratio,
    },
    {
      type: "timeseries",
      title: `Error-budget burn rate (objective ${TIER2_AVAILABILITY_OBJECTIVE * 100}%)`,
      description: `Error ratio over the window divided by the budget ${budget}; alerts at ${BURN_RATE_ALERTS.map((a) => `${a.factor}x`).join(", ")}.`,
      queries: ["5m", "1h", "6h", "1d", "3d"].map((w) => ({
        expr: `${R.sloErrors(w)} / ${budget}`,
        legend: w,
      })),
      w: 16,
      h: 8,
    },
  ]);
}

function operator(): Dashboard {
  const job = `job="${JOB.operator}"`;
  return dashboard("baubau-operator", "Baubau · SmartService operator", [
    { type: "stat", title: "Operator up", queries: [{ expr: `up{${job}}` }], w: 6 },
    {
      type: "timeseries",
      title: "Reconciles per second by result",
      queries: [
        {
          expr: `sum by (controller, result) (rate(${OPERATOR.reconcileTotal}{${job}}[5m]))`,
          legend: "{{controller}} {{result}}",
        },
      ],
      w: 18,
      h: 8,
    },
    {
      type: "timeseries",
      title: "Reconcile errors per second",
      queries: [
        {
          expr: `sum by (controller) (rate(${OPERATOR.reconcileErrors}{${job}}[5m]))`,
          legend: "{{controller}}",
        },
      ],
      w: 12,
      h: 8,
    },
    {
      type: "timeseries",
      title: "Work queue depth",
      queries: [{ expr: `${OPERATOR.workqueueDepth}{${job}}`, legend: "{{name}}" }],
      w: 12,
      h: 8,
    },
  ]);
}

export function dashboards(): Dashboard[] {
  return [roadmap(), network(), services(), datacenter(), operator()];
}

/** The dashboards as the files Grafana provisions (and the stacks ship as ConfigMaps): uid.json → JSON. */
export function dashboardFiles(): Record<string, string> {
  return Object.fromEntries(dashboards().map((d) => [`${d.uid}.json`, `${JSON.stringify(d, null, 2)}\n`]));
}
