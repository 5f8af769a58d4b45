// The engine's plan refusals as `scripts/audit apply` reports them: which resource, which property,
// never the values (the engine prints non-secret ones as they are). Messages as the real CLI printed them.
import { describe, expect, it } from "vitest";
import { planViolations } from "../../../audit/plan-violations.ts";

const PROVIDER = "urn:pulumi:dev::exp::pulumi:providers:pulumi-nodejs::default";

describe("plan violations", () => {
  it("names the resource and the properties, leaving the values out", () => {
    const out = [
      `    pulumi:providers:pulumi-nodejs default  error: resource ${PROVIDER} violates plan: properties changed: ~~exp:plain[{p2}!={p3}]`,
      `    error: resource ${PROVIDER} violates plan: properties changed: ~~exp:plain[{p2}!={p3}]`,
      "    error: resource urn:pulumi:dev::k::kubernetes:core/v1:ConfigMap::cm violates plan: properties changed: ++metadata[{map[name:{aws-auth} labels:{map[x:{==y}]}]}!={map[]}], =~data[{[secret]}]",
    ].join("\n");
    expect(planViolations(out)).toEqual([
      "cm: properties metadata, data differ from the plan",
      "default: properties exp:plain differ from the plan",
    ]);
  });

  it("reports an operation the plan did not allow", () => {
    const out =
      "  kubernetes:core/v1:Namespace (ns-b):\n    error: create is not allowed by the plan: no steps were expected for this resource\n";
    expect(planViolations(out)).toEqual([
      "ns-b: create is not allowed by the plan: no steps were expected for this resource",
    ]);
  });

  it("finds nothing in an ordinary failure", () => {
    expect(planViolations("error: the stack is locked")).toEqual([]);
  });
});
