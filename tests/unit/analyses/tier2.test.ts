import { describe, expect, it } from "vitest";
import { analyseTier2 } from "../../../model/analyses/tier2.ts";
import type { ComponentClass } from "../../../model/types.ts";
import { datacenter, component as unit } from "./fixtures.ts";

// demand: 100 kW electrical, 80 kW cooling, 300 l/min pumps, 25 l/h fuel for 12 h = 300 l
const dc = datacenter({
  components: [
    unit("ups", 60),
    unit("ups", 60),
    unit("ups", 60),
    unit("generator", 120),
    unit("generator", 120),
    unit("generator", 120, "maintenance"),
    unit("cooling", 50),
    unit("cooling", 50),
    unit("pump", 200),
    unit("pump", 200, "failed"),
    unit("fuel-tank", 200),
    unit("fuel-tank", 200),
    unit("fuel-tank", 100),
  ],
});

describe("Tier II N+1", () => {
  const r = analyseTier2(dc);
  const cls = (c: ComponentClass) => r.classes.find((x) => x.class === c);

  it("checks each class against its demand with one unit out", () => {
    // UPS: N = ceil(100 / 60) = 2, required 3, actual 3; 180 − 60 = 120 ≥ 100
    expect(cls("ups")).toMatchObject({
      n: 2,
      required: 3,
      actual: 3,
      capacity: 180,
      capacityOneOut: 120,
      level: "N+1",
      ok: true,
    });
    // generators: one in maintenance does not count; N = 1, required 2, actual 2 (of 3 installed)
    expect(cls("generator")).toMatchObject({
      n: 1,
      required: 2,
      actual: 2,
      installed: 3,
      capacityOneOut: 120,
      level: "N+1",
    });
    // cooling: N = ceil(80 / 50) = 2, required 3, actual 2: carries 100 ≥ 80 but 50 < 80 with one out
    expect(cls("cooling")).toMatchObject({ n: 2, required: 3, actual: 2, level: "N", ok: false });
    // pumps: the failed one leaves 200 < 300 l/min
    expect(cls("pump")).toMatchObject({
      n: null,
      required: null,
      actual: 1,
      capacity: 200,
      level: "below-N",
    });
    // tanks: 300 l needed; N = 2 (200 + 200), required 3; 500 − 200 = 300 ≥ 300
    expect(cls("fuel-tank")).toMatchObject({
      demand: 300,
      unit: "l",
      n: 2,
      required: 3,
      actual: 3,
      level: "N+1",
    });
  });

  it("counts fuel hours at N load, with the largest tank out", () => {
    // all tanks 500 l / 25 l/h = 20 h; largest out 300 l / 25 = 12 h ≥ 12 h
    expect(r.fuel).toEqual({
      burnLph: 25,
      requiredHours: 12,
      hoursAllTanks: 20,
      hoursOneTankOut: 12,
      ok: true,
    });
  });

  it("rates the site by its weakest class", () => {
    expect(r.level).toBe("below-N");
    expect(r.ok).toBe(false);
    expect(r.limitedBy).toEqual(["pump"]);
  });

  it("does not let a small spare stand in for a large unit", () => {
    // 100 + 20 + 20 kW for 100 kW: N = 1, three units ≥ N+1, yet with the 100 kW unit out only 40 kW remain
    const mixed = analyseTier2(
      datacenter({ components: [unit("ups", 100), unit("ups", 20), unit("ups", 20)] }),
    );
    expect(mixed.classes.find((c) => c.class === "ups")).toMatchObject({
      n: 1,
      required: 2,
      actual: 3,
      capacityOneOut: 40,
      level: "N",
    });
  });

  it("passes a fully N+1 site and skips classes with no demand", () => {
    const good = analyseTier2(
      datacenter({
        demand: { electricalKw: 100, coolingKw: 80, pumpLpm: 0, fuelBurnLph: 25, fuelHoursRequired: 12 },
        components: [
          unit("ups", 100),
          unit("ups", 100),
          unit("generator", 100),
          unit("generator", 100),
          unit("cooling", 40),
          unit("cooling", 40),
          unit("cooling", 40),
          unit("fuel-tank", 300),
          unit("fuel-tank", 300),
        ],
      }),
    );
    expect(good.classes.find((c) => c.class === "pump")).toMatchObject({
      applicable: false,
      n: 0,
      required: 0,
      level: "N+1",
    });
    // cooling: N = ceil(80 / 40) = 2, required 3, actual 3
    expect(good.classes.find((c) => c.class === "cooling")).toMatchObject({
      n: 2,
      required: 3,
      level: "N+1",
    });
    expect(good).toMatchObject({ level: "N+1", ok: true, limitedBy: [] });
    // exactly enough: with one 300 l tank out, 300 l / 25 l/h = 12 h exactly
    expect(good.fuel.hoursOneTankOut).toBe(12);
  });

  it("fails a class with no operational units", () => {
    const none = analyseTier2(datacenter({ components: [unit("ups", 200, "failed")] }));
    expect(none.classes.find((c) => c.class === "ups")).toMatchObject({
      installed: 1,
      actual: 0,
      n: null,
      level: "below-N",
    });
    expect(none.fuel).toMatchObject({ hoursAllTanks: 0, ok: false });
  });
});
