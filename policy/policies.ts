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
import type { PolicyResource, Rule } from "./rule.ts";

/** The stack's root resource: registered first, so model rules reported on it stop an update early. */
export const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

export interface PolicyContext {
  /** The inventory the stack deploys (loaded once per run). */
  inventory(): Promise<{ dir: string; result: LoadResult }>;
  now(): Date;
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
          for (const message of rule.check(result.inventory, context.now())) report(message);
        },
      };
  }
}
