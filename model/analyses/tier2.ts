// Tier II capacity check of the data center (Uptime Tier II / TIA-942 Rated-2): every class of
// redundant capacity component must be N+1, and the fuel must last the required hours at N load.
//
// Only `operational` units count: a unit in maintenance or failed is exactly the one that is out.
// N is the fewest operational units that carry the demand (largest first); for identical units that
// is ceil(demand / unit capacity). N+1 holds when the demand is still carried with the LARGEST unit
// out, which for mixed sizes is the honest test (a small spare does not cover a big unit).
// Fuel tanks follow the same rule: usable fuel with the largest tank out must last the required hours.
import { COMPONENT_CLASSES, type ComponentClass, type DataCenter, type DcComponent } from "../types.ts";

/** N+1 (Tier II), N (carries the load, no spare), below N (cannot carry the load). */
export type Tier2Level = "N+1" | "N" | "below-N";

const LEVEL_RANK: Readonly<Record<Tier2Level, number>> = { "below-N": 0, N: 1, "N+1": 2 };

export interface ComponentClassCheck {
  class: ComponentClass;
  unit: "kW" | "l/min" | "l";
  /** What the class must deliver; for fuel tanks, litres for the required hours at N load. */
  demand: number;
  /** False when the demand is zero (e.g. no chilled-water pumps in a DX-cooled room). */
  applicable: boolean;
  /** Units in the inventory, whatever their status. */
  installed: number;
  /** Operational units. */
  actual: number;
  /** Fewest operational units that carry the demand; null when even all of them cannot. */
  n: number | null;
  /** n + 1 (0 when not applicable); null when n is. */
  required: number | null;
  capacity: number;
  /** Capacity with the largest operational unit out. */
  capacityOneOut: number;
  level: Tier2Level;
  ok: boolean;
}

export interface FuelCheck {
  burnLph: number;
  requiredHours: number;
  /** Hours at N load on all operational tanks. */
  hoursAllTanks: number;
  /** Hours at N load with the largest tank out (the N+1 view). */
  hoursOneTankOut: number;
  ok: boolean;
}

export interface Tier2Result {
  datacenterId: string;
  classes: ComponentClassCheck[];
  fuel: FuelCheck;
  /** The site is only as good as its weakest class. */
  level: Tier2Level;
  ok: boolean;
  /** Classes at the overall (lowest) level when that level is below N+1. */
  limitedBy: ComponentClass[];
}

function classDemand(
  dc: DataCenter,
  cls: ComponentClass,
): { demand: number; unit: ComponentClassCheck["unit"] } {
  const d = dc.demand;
  switch (cls) {
    case "ups":
    case "generator":
      return { demand: d.electricalKw, unit: "kW" };
    case "cooling":
      return { demand: d.coolingKw, unit: "kW" };
    case "pump":
      return { demand: d.pumpLpm, unit: "l/min" };
    case "fuel-tank":
      return { demand: d.fuelBurnLph * d.fuelHoursRequired, unit: "l" };
  }
}

export function checkClass(
  cls: ComponentClass,
  demand: number,
  unit: ComponentClassCheck["unit"],
  components: readonly DcComponent[],
): ComponentClassCheck {
  const ofClass = components.filter((c) => c.class === cls);
  const caps = ofClass
    .filter((c) => c.status === "operational")
    .map((c) => c.capacity)
    .sort((x, y) => y - x);
  const capacity = caps.reduce((s, c) => s + c, 0);
  const capacityOneOut = capacity - (caps[0] ?? 0);
  let n: number | null = null;
  let carried = 0;
  for (let k = 0; k <= caps.length; k++) {
    if (carried >= demand) {
      n = k;
      break;
    }
    carried += caps[k] ?? 0;
  }
  const applicable = demand > 0;
  const level: Tier2Level =
    !applicable || (capacityOneOut >= demand && caps.length >= 1)
      ? "N+1"
      : capacity >= demand
        ? "N"
        : "below-N";
  return {
    class: cls,
    unit,
    demand,
    applicable,
    installed: ofClass.length,
    actual: caps.length,
    n,
    required: n === null ? null : applicable ? n + 1 : 0,
    capacity,
    capacityOneOut,
    level,
    ok: level === "N+1",
  };
}

export function analyseTier2(dc: DataCenter): Tier2Result {
  const classes = COMPONENT_CLASSES.map((cls) => {
    const { demand, unit } = classDemand(dc, cls);
    return checkClass(cls, demand, unit, dc.components);
  });
  const tanks = classes.find((c) => c.class === "fuel-tank") as ComponentClassCheck;
  const burn = dc.demand.fuelBurnLph;
  const hours = (litres: number) => (burn > 0 ? litres / burn : Number.POSITIVE_INFINITY);
  const fuel: FuelCheck = {
    burnLph: burn,
    requiredHours: dc.demand.fuelHoursRequired,
    hoursAllTanks: hours(tanks.capacity),
    hoursOneTankOut: hours(tanks.capacityOneOut),
    ok: tanks.ok,
  };
  const level = classes.reduce<Tier2Level>(
    (low, c) => (LEVEL_RANK[c.level] < LEVEL_RANK[low] ? c.level : low),
    "N+1",
  );
  return {
    datacenterId: dc.id,
    classes,
    fuel,
    level,
    ok: level === "N+1",
    limitedBy: level === "N+1" ? [] : classes.filter((c) => c.level === level).map((c) => c.class),
  };
}
