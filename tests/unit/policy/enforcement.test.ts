// Levels per rule per stack: the profile's defaults, then the stack's overrides; bad config refused.
import { describe, expect, it } from "vitest";
import { OVERRIDES_KEY, PROFILE_KEY, resolveEnforcement } from "../../../policy/enforcement.ts";
import { LEVEL_RANK } from "../../../policy/rule.ts";
import { RULES } from "../../../policy/rules.ts";

const levels = (stack: string, config: Record<string, string> = {}) =>
  Object.fromEntries(resolveEnforcement(RULES, { stack, config }).levels);

describe("the pack's rules", () => {
  it("have unique, stable kebab-case ids, a severity and a source", () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) {
      expect(r.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/);
      expect(["low", "medium", "high", "critical"]).toContain(r.severity);
      expect(r.source.length).toBeGreaterThan(3);
    }
  });

  it("are never laxer in production than on the twin, and stricter somewhere", () => {
    for (const r of RULES)
      expect(LEVEL_RANK[r.enforcement.production], r.id).toBeGreaterThanOrEqual(
        LEVEL_RANK[r.enforcement.twin],
      );
    expect(RULES.some((r) => LEVEL_RANK[r.enforcement.production] > LEVEL_RANK[r.enforcement.twin])).toBe(
      true,
    );
  });
});

describe("resolveEnforcement", () => {
  it("uses production for the stack named so and any stack with a real cluster's kubeconfig, else twin", () => {
    const profile = (stack: string, config: Record<string, string> = {}) =>
      resolveEnforcement(RULES, { stack, config }).profile;
    expect(profile("twin")).toBe("twin");
    expect(profile("it-1a2b3c", { "baubau:namespacePrefix": "it1a2b3c-" })).toBe("twin");
    expect(profile("production")).toBe("production");
    expect(profile("kota", { "baubau:kubeconfig-dc-prod": "" })).toBe("production");
    expect(levels("twin")["tier2-n-plus-one"]).toBe("advisory");
    expect(levels("production")["tier2-n-plus-one"]).toBe("mandatory");
  });

  it("takes the profile and per-rule levels from stack config", () => {
    const got = levels("production", {
      [PROFILE_KEY]: "twin",
      [OVERRIDES_KEY]: JSON.stringify({ "k8s-image-digest": "disabled", "net-link-margin": "mandatory" }),
    });
    expect(got["tier2-n-plus-one"]).toBe("advisory");
    expect(got["k8s-image-digest"]).toBe("disabled");
    expect(got["net-link-margin"]).toBe("mandatory");
    expect(got["k8s-no-host-access"]).toBe("mandatory");
  });

  it("refuses an unknown profile, rule or level with what is allowed", () => {
    expect(() => levels("twin", { [PROFILE_KEY]: "prod" })).toThrow(
      'policy pack: stack twin: config baubau:policyProfile is "prod"; allowed: twin, production (did you mean "production"?)',
    );
    expect(() => levels("twin", { [OVERRIDES_KEY]: '{"k8s-image-pined":"advisory"}' })).toThrow(
      'policy pack: stack twin: config baubau:policy names "k8s-image-pined", which is not a rule of the pack; did you mean "k8s-image-pinned"?',
    );
    expect(() => levels("twin", { [OVERRIDES_KEY]: '{"k8s-image-pinned":"warn"}' })).toThrow(
      /^policy pack: stack twin: config baubau:policy\.k8s-image-pinned: .*; levels: advisory, mandatory, disabled$/,
    );
    expect(() => levels("twin", { [OVERRIDES_KEY]: "advisory" })).toThrow(
      'policy pack: stack twin: config baubau:policy must be a map of rule id to level, got "advisory"',
    );
  });
});
