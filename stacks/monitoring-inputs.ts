// What the monitoring layer needs beyond the inventory, read without Pulumi (the program and the
// stack benchmark both use it): the probed sites' management addresses from the IPAM lock, as the
// twin's local run computes them, and the pools their blocks come from.
import { MONITORING_IMAGES, type MonitoringImages } from "../charts/monitoring-layer.ts";
import { planIpam } from "../model/analyses/ipam.ts";
import { formatProblems, loadIpamLock } from "../model/load/index.ts";
import type { Inventory } from "../model/types.ts";
import { probedSites } from "../monitoring/sites.ts";
import type { MonitoringInputs } from "./manifests.ts";

export async function loadMonitoringInputs(
  inventory: Inventory,
  inventoryDir: string,
  images: MonitoringImages = MONITORING_IMAGES,
): Promise<MonitoringInputs> {
  const lock = await loadIpamLock(inventoryDir);
  if (!lock.ok) {
    throw new Error(
      `the IPAM lock has ${lock.problems.length} problem(s):\n${formatProblems(lock.problems)}`,
    );
  }
  const ipam = planIpam(inventory, lock.lock);
  return { images, sites: probedSites(inventory, ipam), sitePools: [...ipam.options.sitePools] };
}
