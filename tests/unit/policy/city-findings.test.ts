// What the production profile finds in the city's real inventory, pinned: each finding is either a
// data error that was fixed or a real gap production must show (policy/README.md, "What production
// shows today"). When a gap closes or a new one appears, this test says so, and the table changes.
import { beforeAll, describe, expect, it } from "vitest";
import type { Inventory } from "../../../model/types.ts";
import type { ModelRule } from "../../../policy/rule.ts";
import { RULES } from "../../../policy/rules.ts";
import { cityInventory } from "./harness.ts";

let city: Inventory;
beforeAll(async () => {
  city = await cityInventory();
});

const NOW = new Date("2026-12-01T00:00:00Z");
const models = RULES.filter((r): r is ModelRule => r.kind === "model");
const subjects = (id: string) =>
  (models.find((r) => r.id === id) as ModelRule).check(city, NOW).map((f) => f.subject);

describe("the city's inventory under the production profile", () => {
  it("every model rule is mandatory in production", () => {
    expect(models.every((r) => r.enforcement.production === "mandatory")).toBe(true);
  });

  it("fixed data errors stay fixed: no personal data is classified terbuka", () => {
    expect(subjects("spbe-classification")).toEqual([]);
    const musrenbang = city.services.find((s) => s.id === "musrenbang-online");
    expect(musrenbang).toMatchObject({ personalData: true, classification: "terbatas" });
  });

  it("the real gaps production shows: fuel tanks only N, three PoPs without diverse paths, one thin link", () => {
    expect(subjects("tier2-n-plus-one")).toEqual(["fuel-tank"]);
    expect(subjects("tier2-fuel-12h")).toEqual([]);
    expect(subjects("net-pop-diversity")).toEqual(["pop-bungi", "pop-lea-lea", "pop-sorawolio"]);
    expect(subjects("net-link-margin")).toEqual(["pop-wolio--pop-sorawolio"]);
  });

  it("facts the service records do not hold yet are findings, one per running service", () => {
    const running = city.services.filter((s) => s.status === "pilot" || s.status === "online");
    const unrecorded = running.filter((s) => s.data?.storageCountry === undefined).map((s) => s.id);
    expect(unrecorded.length).toBeGreaterThan(0);
    expect(subjects("pp71-storage-in-indonesia")).toEqual(unrecorded);
    expect(subjects("satu-data-walidata")).toEqual([]);
    for (const id of ["bssn-encryption", "bssn-backup"]) {
      const found = subjects(id);
      expect(found.length, id).toBeGreaterThan(0);
      expect(
        found.every((s) => running.some((r) => r.id === s)),
        id,
      ).toBe(true);
    }
  });
});
