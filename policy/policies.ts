// The rules as CrossGuard policies. Kept apart from pack.ts (which constructs the PolicyPack and so
// starts a gRPC server) so tests can call each policy's validate function directly.
import type {
  ReportViolation,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";
import { formatProblems } from "../model/load/index.ts";
import type { LoadResult } from "../model/load/result.ts";
import type { ModelFinding, ModelRule, PolicyResource, Rule } from "./rule.ts";
import { applyWaivers, type Waiver, waiverReport } from "./waivers.ts";

/** The stack's root resource: registered first, so model rules reported on it stop an update early. */
export const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

export interface PolicyContext {
  /** The inventory the stack deploys (loaded once per run). */
  inventory(): Promise<{ dir: string; result: LoadResult }>;
  now(): Date;
  /** The stack's waivers of model findings (waivers.ts); none when absent. */
  waivers?: readonly Waiver[];
}

export type BaubauPolicy = (ResourceValidationPolicy | StackValidationPolicy) & { name: string };

function asResource(args: ResourceValidationArgs): PolicyResource {
  return { type: args.type, urn: args.urn, name: args.name, props: args.props };
}

export function toPolicy(rule: Rule, context: PolicyContext): BaubauPolicy {
  const meta = {
    name: rule.id,
    description: `${rule.description} [${rule.source}]`,
    severity: rule.severity,
    enforcementLevel: rule.enforcement.production,
  };
  switch (rule.kind) {
    case "resource":
      return {
        ...meta,
        validateResource: (args: ResourceValidationArgs, report: ReportViolation) => {
          for (const message of rule.check(asResource(args))) report(message);
        },
      };
    case "stack":
      return {
        ...meta,
        validateStack: (args: StackValidationArgs, report: ReportViolation) => {
          const resources = args.resources.map((r) => ({
            type: r.type,
            urn: r.urn,
            name: r.name,
            props: r.props,
          }));
          for (const f of rule.check(resources)) report(f.message, f.urn);
        },
      };
    case "model":
      return {
        ...meta,
        validateResource: async (args: ResourceValidationArgs, report: ReportViolation) => {
          if (args.type !== ROOT_STACK_TYPE) return;
          const { dir, result } = await context.inventory();
          if (!result.ok) {
            report(
              `the inventory in ${dir} does not load (${result.problems.length} problem(s)); fix it ` +
                `(scripts/validate) before this rule can be checked:\n${formatProblems(result.problems.slice(0, 5))}`,
            );
            return;
          }
          const now = context.now();
          const { open } = applyWaivers(
            rule.id,
            rule.check(result.inventory, now),
            context.waivers ?? [],
            now,
          );
          for (const f of open) report(f.message);
        },
      };
  }
}

export const WAIVERS_POLICY = "policy-waivers";

/**
 * Advisory, on the stack's root resource: every finding a waiver covers, with the waiver (so the gap
 * stays visible in every preview), and every waiver that matches no finding.
 */
export function waiversPolicy(rules: readonly Rule[], context: PolicyContext): BaubauPolicy {
  const models = rules.filter((r): r is ModelRule => r.kind === "model");
  return {
    name: WAIVERS_POLICY,
    description:
      "Waived findings of the inventory, with who approved them and until when. [policy/waivers.ts]",
    severity: "low",
    enforcementLevel: "advisory",
    validateResource: async (args: ResourceValidationArgs, report: ReportViolation) => {
      const waivers = context.waivers ?? [];
      if (args.type !== ROOT_STACK_TYPE || waivers.length === 0) return;
      const { result } = await context.inventory();
      if (!result.ok) return; // each model rule reports the load failure
      const now = context.now();
      const findings = new Map<string, ModelFinding[]>(
        models.map((r) => [r.id, r.check(result.inventory, now)]),
      );
      for (const message of waiverReport(findings, waivers, now)) report(message);
    },
  };
}
