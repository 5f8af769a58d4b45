// The rules computed from the inventory (model/), reported on the stack's root resource.
import { describe, expect, it } from "vitest";
import { linkMargin, popDiversity } from "../../../policy/model/network.ts";
import { tier2Fuel, tier2NPlusOne } from "../../../policy/model/tier2.ts";
import { toPolicy } from "../../../policy/policies.ts";
import { core, datacenter, inventory, link, pop, site, component as unit } from "../analyses/fixtures.ts";
import { modelViolations } from "./harness.ts";

// demand: 100 kW electrical, 80 kW cooling, 300 l/min pumps, 25 l/h fuel for 12 h = 300 l
const tier2 = (fuelTanks: number[], generators = [120, 120]) =>
  inventory({
    datacenter: datacenter({
      components: [
        ...[60, 60, 60].map((c) => unit("ups", c)),
        ...generators.map((c) => unit("generator", c)),
        ...[50, 50, 50].map((c) => unit("cooling", c)),
        ...[200, 200, 200].map((c) => unit("pump", c)),
        ...fuelTanks.map((c) => unit("fuel-tank", c)),
      ],
    }),
  });

describe("tier2-n-plus-one", () => {
  it("passes when every class carries its demand with the largest unit out", async () => {
    expect(await modelViolations(tier2NPlusOne, tier2([300, 300]))).toEqual([]);
  });

  it("reports each class short of N+1 with the unit that would fix it", async () => {
    const v = await modelViolations(tier2NPlusOne, tier2([200, 200], [120, 60]));
    expect(v).toEqual([
      "generator: 2 operational unit(s), 180 kW in all but 60 kW with the largest out, against 100 kW needed (N); " +
        "add a unit of at least 40 kW or return one from maintenance to reach N+1",
      "fuel-tank: 2 operational unit(s), 400 l in all but 200 l with the largest out, against 300 l needed (N); " +
        "add a unit of at least 100 l or return one from maintenance to reach N+1",
    ]);
  });
});

describe("tier2-fuel-12h", () => {
  it("passes 12 h of fuel at N load on all tanks", async () => {
    expect(await modelViolations(tier2Fuel, tier2([150, 150]))).toEqual([]);
  });

  it("reports too little fuel, and an inventory asking for less than 12 h", async () => {
    const short = tier2([100, 100]);
    expect(await modelViolations(tier2Fuel, short)).toEqual([
      "fuel lasts 8 h at 25 l/h on all operational tanks, 12 h are needed: add at least 100 l of tank capacity",
    ]);
    short.datacenter.demand.fuelHoursRequired = 6;
    expect(await modelViolations(tier2Fuel, short)).toEqual([
      "datacenter.demand.fuelHoursRequired is 6 h; Tier II needs at least 12 h",
      "fuel lasts 8 h at 25 l/h on all operational tanks, 12 h are needed: add at least 100 l of tank capacity",
    ]);
  });
});

describe("net-pop-diversity", () => {
  // Two cores; pop-a has SRLG-disjoint paths to both, pop-b only one uplink.
  const sites = [core("core-1"), core("core-2"), pop("pop-a"), pop("pop-b")];
  const links = [
    link("core-1", "pop-a", { srlg: ["duct-1"] }),
    link("core-2", "pop-a", { srlg: ["duct-2"] }),
    link("pop-a", "pop-b", { srlg: ["duct-3"] }),
  ];

  it("passes PoPs with two disjoint paths to different cores", async () => {
    const net = inventory({ sites: sites.slice(0, 3), links: links.slice(0, 2) });
    expect(await modelViolations(popDiversity, net)).toEqual([]);
  });

  it("reports a single-homed PoP and what to build", async () => {
    expect(await modelViolations(popDiversity, inventory({ sites, links }))).toEqual([
      "PoP pop-b hangs on a single link (one cut isolates it): build or light a link to a second core that shares no SRLG with that path, and tag both links' srlg",
    ]);
  });

  it("reports two paths in one duct as shared risk", async () => {
    const shared = [
      link("core-1", "pop-a", { srlg: ["bridge-x"] }),
      link("core-2", "pop-a", { srlg: ["bridge-x"] }),
    ];
    const v = await modelViolations(popDiversity, inventory({ sites: sites.slice(0, 3), links: shared }));
    expect(v).toEqual([
      expect.stringMatching(/^PoP pop-a has a second path only through a shared risk group/),
    ]);
  });
});

describe("net-link-margin", () => {
  const sites = [core("core-1"), site("sd-1")];
  it("passes a link with 3 dB or more to spare", async () => {
    const ok = inventory({ sites, links: [link("core-1", "sd-1", { lengthKm: 10, budgetDb: 6.5 })] });
    expect(await modelViolations(linkMargin, ok)).toEqual([]);
  });

  it("reports an operational link below 3 dB and the budget its optics need, but not a planned one", async () => {
    const thin = link("core-1", "sd-1", { lengthKm: 10, budgetDb: 5, connectors: 2 });
    const planned = link("sd-1", "core-1", { id: "planned", status: "planned", budgetDb: 0.1 });
    expect(await modelViolations(linkMargin, inventory({ sites, links: [thin, planned] }))).toEqual([
      "link core-1--sd-1: margin 0.9 dB (budget 5 dB, loss 4.1 dB over 10 km at 1310 nm) is below 3 dB: " +
        "use optics with a budget of at least 7.1 dB, or cut splices/connectors",
    ]);
  });
});

describe("model rules on a stack", () => {
  it("only report on the stack's root resource", async () => {
    const policy = toPolicy(tier2NPlusOne, {
      inventory: async () => ({ dir: "inventory", result: { ok: true, inventory: tier2([100]) } }),
      now: () => new Date(),
    });
    const reported: string[] = [];
    if (!("validateResource" in policy) || !policy.validateResource || Array.isArray(policy.validateResource))
      throw new Error("tier2-n-plus-one must be a resource policy");
    await policy.validateResource({ type: "kubernetes:core/v1:Namespace", props: {} } as never, (m) => {
      reported.push(m);
    });
    expect(reported).toEqual([]);
  });

  it("say where the inventory is and what is wrong when it does not load", async () => {
    const v = await modelViolations(tier2NPlusOne, {
      ok: false,
      problems: [
        { file: "inventory/datacenter.yaml", line: 3, column: 5, path: "datacenter.tier", message: "bad" },
      ],
    });
    expect(v).toEqual([
      "the inventory in inventory does not load (1 problem(s)); fix it (scripts/validate) before this rule can be " +
        "checked:\ninventory/datacenter.yaml:3:5 datacenter.tier: bad",
    ]);
  });
});
