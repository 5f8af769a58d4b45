// Tier II of the data center, from model/analyses/tier2.ts: N+1 per component class, and fuel for at
// least 12 hours at N load.
import { analyseTier2, type ComponentClassCheck } from "../../model/analyses/tier2.ts";
import type { ModelFinding, ModelRule } from "../rule.ts";

/** Uptime Tier II / SNI 8799 Strata II: fuel for at least this long at N load, whatever the inventory asks. */
export const MIN_FUEL_HOURS = 12;

function round(x: number): number {
  return Math.round(x * 10) / 10;
}

function shortfall(c: ComponentClassCheck): string {
  const missing = round(c.demand - c.capacityOneOut);
  return (
    `${c.class}: ${c.actual} operational unit(s), ${round(c.capacity)} ${c.unit} in all but ` +
    `${round(c.capacityOneOut)} ${c.unit} with the largest out, against ${round(c.demand)} ${c.unit} needed ` +
    `(${c.level}); add a unit of at least ${missing} ${c.unit} or return one from maintenance to reach N+1`
  );
}

export const tier2NPlusOne: ModelRule = {
  kind: "model",
  id: "tier2-n-plus-one",
  severity: "critical",
  description:
    "Every class of data-center capacity component (UPS, generator, cooling, pump, fuel tank) is N+1.",
  source: "Uptime Tier II / TIA-942 Rated-2 / SNI 8799 Strata II",
  enforcement: { twin: "advisory", production: "mandatory" },
  check(inventory) {
    const t2 = analyseTier2(inventory.datacenter);
    return t2.classes
      .filter((c) => c.applicable && !c.ok)
      .map((c) => ({ subject: c.class, message: shortfall(c) }));
  },
};

export const tier2Fuel: ModelRule = {
  kind: "model",
  id: "tier2-fuel-12h",
  severity: "critical",
  description: `The generators' fuel lasts at least ${MIN_FUEL_HOURS} h at N load.`,
  source: "Uptime Tier II (12 h of on-site fuel at N load)",
  enforcement: { twin: "advisory", production: "mandatory" },
  check(inventory) {
    const t2 = analyseTier2(inventory.datacenter);
    const out: ModelFinding[] = [];
    const { fuel } = t2;
    const needed = Math.max(MIN_FUEL_HOURS, fuel.requiredHours);
    if (fuel.requiredHours < MIN_FUEL_HOURS)
      out.push({
        subject: "fuelHoursRequired",
        message: `datacenter.demand.fuelHoursRequired is ${fuel.requiredHours} h; Tier II needs at least ${MIN_FUEL_HOURS} h`,
      });
    if (fuel.hoursAllTanks < needed) {
      const tanks = t2.classes.find((c) => c.class === "fuel-tank")?.capacity ?? 0;
      const litres = Math.ceil(needed * fuel.burnLph - tanks);
      out.push({
        subject: "fuel-tank",
        message:
          `fuel lasts ${round(fuel.hoursAllTanks)} h at ${fuel.burnLph} l/h on all operational tanks, ` +
          `${needed} h are needed: add at least ${litres} l of tank capacity`,
      });
    }
    return out;
  },
};
