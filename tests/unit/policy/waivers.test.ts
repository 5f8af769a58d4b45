// Waivers of single findings on the city's real inventory: a waived link or PoP is advisory with its
// waiver, the others stay at the rule's level; an expired waiver puts the finding back; a waiver
// that matches nothing is reported; bad waivers are refused with the field and what is allowed.
import { beforeAll, describe, expect, it } from "vitest";
import type { Inventory } from "../../../model/types.ts";
import { linkMargin, popDiversity } from "../../../policy/model/network.ts";
import { RULES } from "../../../policy/rules.ts";
import { parseWaivers, type Waiver } from "../../../policy/waivers.ts";
import { cityInventory, modelViolations, waiverViolations } from "./harness.ts";

let city: Inventory;
beforeAll(async () => {
  city = await cityInventory();
});

const NOW = new Date("2026-12-01T10:00:00Z");
const LINK = "pop-wolio--pop-sorawolio";
const waiver = (over: Partial<Waiver> = {}): Waiver => ({
  rule: "net-link-margin",
  subject: LINK,
  reason: "ER optics ordered; LR until they are fitted",
  approver: "Kabid Infrastruktur TIK, Diskominfo",
  expires: "2027-03-31",
  ...over,
});

describe("a waiver of one finding", () => {
  it("takes that finding out of the rule and reports it, with the waiver, as policy-waivers", async () => {
    const before = await modelViolations(linkMargin, city, NOW);
    expect(before).toHaveLength(1);
    expect(before[0]).toContain(`link ${LINK}: margin`);
    expect(await modelViolations(linkMargin, city, NOW, [waiver()])).toEqual([]);
    expect(await waiverViolations(RULES, city, [waiver()], NOW)).toEqual([
      `net-link-margin waived for ${LINK} until 2027-03-31 (approved by Kabid Infrastruktur TIK, Diskominfo: ` +
        `ER optics ordered; LR until they are fitted): ${before[0]}`,
    ]);
  });

  it("waives only the record it names: the other PoPs without diverse paths stay reported", async () => {
    const all = await modelViolations(popDiversity, city, NOW);
    expect(all.map((m) => m.split(" ")[1])).toEqual(["pop-bungi", "pop-lea-lea", "pop-sorawolio"]);
    const one = waiver({ rule: "net-pop-diversity", subject: "pop-sorawolio" });
    const left = await modelViolations(popDiversity, city, NOW, [one]);
    expect(left.map((m) => m.split(" ")[1])).toEqual(["pop-bungi", "pop-lea-lea"]);
  });

  it("holds through its last day; the day after, the finding is back at the rule's level, saying so", async () => {
    const w = waiver({ expires: "2026-12-01" });
    expect(await modelViolations(linkMargin, city, new Date("2026-12-01T23:59:59Z"), [w])).toEqual([]);
    const after = await modelViolations(linkMargin, city, new Date("2026-12-02T00:00:00Z"), [w]);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatch(
      /link pop-wolio--pop-sorawolio: margin .* \(the waiver approved by Kabid Infrastruktur TIK, Diskominfo expired on 2026-12-01: close the gap or renew the waiver\)$/,
    );
    expect(await waiverViolations(RULES, city, [w], new Date("2026-12-02T00:00:00Z"))).toEqual([]);
  });

  it("that matches no finding (the gap closed, or a misspelt subject) is reported for removal", async () => {
    const stale = waiver({ subject: "pop-wolio--pop-sorawolioo" });
    expect(await waiverViolations(RULES, city, [stale], NOW)).toEqual([
      "waiver of net-link-margin for pop-wolio--pop-sorawolioo (approved by Kabid Infrastruktur TIK, Diskominfo, " +
        "expires 2027-03-31) matches no finding: the gap is closed or the subject is misspelt; remove or correct the waiver",
    ]);
    expect(await modelViolations(linkMargin, city, NOW, [stale])).toHaveLength(1);
  });
});

describe("waivers in stack config", () => {
  const parse = (value: unknown) => parseWaivers(RULES, "production", JSON.stringify(value));

  it("reads a list of waivers; none when the key is absent", () => {
    expect(parse([waiver()])).toEqual([waiver()]);
    expect(parseWaivers(RULES, "production", undefined)).toEqual([]);
  });

  it("refuses a waiver without an approver, reason or date, naming the entry and field", () => {
    const { approver: _a, ...noApprover } = waiver();
    expect(() => parse([waiver(), noApprover])).toThrow(
      /^policy pack: stack production: config baubau:policyWaivers\[1\]\.approver: .*; a waiver has rule, subject, reason, approver, expires$/,
    );
    expect(() => parse([waiver({ reason: "ok" })])).toThrow(
      /config baubau:policyWaivers\[0\]\.reason: say why the gap is accepted/,
    );
    expect(() => parse([waiver({ expires: "31/03/2027" })])).toThrow(
      /config baubau:policyWaivers\[0\]\.expires: a date, YYYY-MM-DD/,
    );
    expect(() => parseWaivers(RULES, "production", "net-link-margin")).toThrow(
      /config baubau:policyWaivers must be a list of waivers/,
    );
  });

  it("refuses an unknown rule with the nearest one, and a rule that is not about the inventory", () => {
    expect(() => parse([waiver({ rule: "net-link-margn" })])).toThrow(
      'config baubau:policyWaivers[0] names rule "net-link-margn", which is not a model rule of the pack; did you mean "net-link-margin"?',
    );
    expect(() => parse([waiver({ rule: "k8s-image-pinned" })])).toThrow(
      /waives k8s-image-pinned, a resource rule; waivers are for findings of the inventory \(model rules: /,
    );
  });
});
