// The names monitoring publishes and reads, in one place so the exporter, the rules, the dashboards
// and the Command Center cannot drift apart. Units and kinds follow Prometheus conventions: ratios
// end in `_ratio` (0..1), durations and instants in `_seconds`, counts of things are gauges named
// after the thing, counters end in `_total`.

/** Published by the KPI exporter (monitoring/exporter/). */
export const M = {
  fiberTargetCoverage: "baubau_fiber_target_coverage_ratio",
  fiberTargetCovered: "baubau_fiber_target_covered_sites",
  fiberTargetInScope: "baubau_fiber_target_in_scope_sites",
  fiberTargetGap: "baubau_fiber_target_gap_sites",
  fiberTargetGoal: "baubau_fiber_target_goal_ratio",
  fiberTargetStart: "baubau_fiber_target_start_timestamp_seconds",
  fiberTargetDeadline: "baubau_fiber_target_deadline_timestamp_seconds",
  fiberTargetCategoryCoverage: "baubau_fiber_target_category_coverage_ratio",
  fiberCategoryCoverage: "baubau_fiber_category_coverage_ratio",
  fiberKecamatanCoverage: "baubau_fiber_kecamatan_coverage_ratio",
  services: "baubau_catalog_services",
  essentialPublicOnline: "baubau_essential_public_services_online_ratio",
  internalAdminDigitised: "baubau_internal_admin_services_digitised_ratio",
  serviceKpiGoal: "baubau_service_kpi_goal_ratio",
  serviceKpiDeadline: "baubau_service_kpi_deadline_timestamp_seconds",
  smartServiceReady: "baubau_smart_service_ready",
  clusterReadSuccess: "baubau_smart_service_list_success",
  dcNPlusOne: "baubau_datacenter_n_plus_one",
  dcOperationalUnits: "baubau_datacenter_operational_units",
  dcRequiredUnits: "baubau_datacenter_required_units",
  dcHeadroom: "baubau_datacenter_headroom_ratio",
  dcComponentUp: "baubau_datacenter_component_up",
  dcFuelAutonomy: "baubau_datacenter_fuel_autonomy_seconds",
  dcFuelRequired: "baubau_datacenter_fuel_required_autonomy_seconds",
  sites: "baubau_sites",
  links: "baubau_links",
  records: "baubau_inventory_records",
  siteCutOff: "baubau_site_cut_off_sites",
  linkMargin: "baubau_link_optical_margin_decibels",
} as const;

/** Published by the SmartService operator (controller-runtime's names). */
export const OPERATOR = {
  reconcileTotal: "controller_runtime_reconcile_total",
  reconcileErrors: "controller_runtime_reconcile_errors_total",
  workqueueDepth: "workqueue_depth",
} as const;

/** Scrape job names: rules and dashboards select on these. */
export const JOB = {
  exporter: "kpi-exporter",
  operator: "smartservice-operator",
  apiservers: "kubernetes-apiservers",
  sites: "site-probe",
  prometheus: "prometheus",
} as const;

/** Recording rules (level:metric:operations). */
export const R = {
  fiberCoverage: "target:baubau_fiber_coverage:ratio",
  fiberTrajectory: "target:baubau_fiber_coverage_trajectory:ratio",
  fiberBehind: "target:baubau_fiber_coverage_behind:sites",
  essentialPublicOnline: "baubau:essential_public_services_online:ratio",
  internalAdminDigitised: "baubau:internal_admin_services_digitised:ratio",
  dcHeadroom: "class:baubau_datacenter_headroom:ratio",
  dcLevel: "baubau:datacenter_n_plus_one_classes:ratio",
  sitesReachable: "baubau:sites_reachable:ratio",
  sloErrors: (window: string) => `baubau:tier2_availability_errors:ratio_rate${window}`,
} as const;
