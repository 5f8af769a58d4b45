// What every rule of the pack declares: a stable id (what stack config, waivers and reports name),
// a severity, and how strictly each kind of stack enforces it by default.
import type { EnforcementLevel, Severity } from "@pulumi/policy";
import type { Inventory } from "../model/types.ts";

/** The levels a stack may choose per rule (CrossGuard's `remediate` is not used: rules only report). */
export const LEVELS = ["advisory", "mandatory", "disabled"] as const;
export type Level = (typeof LEVELS)[number] & EnforcementLevel;

/**
 * How strict a stack is by default. `twin` is the local data center (the city as it is today, fiber
 * gaps included); `production` is every other stack unless its config says otherwise.
 */
export const PROFILES = ["twin", "production"] as const;
export type Profile = (typeof PROFILES)[number];

export interface RuleMeta {
  /** Stable, kebab-case; never reused for a different rule. */
  id: string;
  severity: Severity;
  /** One line: what the rule requires. */
  description: string;
  /** Where the requirement comes from (regulation, standard or practice). */
  source: string;
  /** Default level per profile; production is never laxer than the twin (tested). */
  enforcement: Readonly<Record<Profile, Level>>;
}

/** Strictness order of levels, to compare profiles. */
export const LEVEL_RANK: Readonly<Record<Level, number>> = { disabled: 0, advisory: 1, mandatory: 2 };

/** The parts of a resource a rule reads; matches @pulumi/policy's resource arguments. */
export interface PolicyResource {
  type: string;
  urn: string;
  name: string;
  props: Record<string, unknown>;
}

/** A violation of a stack-wide rule, pinned to the resource it concerns. */
export interface StackFinding {
  urn: string;
  message: string;
}

/** Checked on each resource's inputs as it is registered: a mandatory one stops that step. */
export interface ResourceRule extends RuleMeta {
  kind: "resource";
  /** One message per violation, each saying what to change. */
  check(resource: PolicyResource): string[];
}

/** Needs the whole stack (e.g. a namespace and its NetworkPolicies): checked after the preview/update. */
export interface StackRule extends RuleMeta {
  kind: "stack";
  check(resources: readonly PolicyResource[]): StackFinding[];
}

/** A finding of a model rule: the inventory record it is about (what a waiver names), and what to change. */
export interface ModelFinding {
  subject: string;
  message: string;
}

/**
 * Computed from the inventory (model/), reported on the stack's root resource. That resource is
 * registered before any other, so a mandatory one stops an update before anything changes.
 */
export interface ModelRule extends RuleMeta {
  kind: "model";
  check(inventory: Inventory, now: Date): ModelFinding[];
}

export type Rule = ResourceRule | StackRule | ModelRule;
