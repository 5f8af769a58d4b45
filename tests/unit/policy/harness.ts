// Calls the pack's policies the way the CrossGuard server does, without constructing a PolicyPack
// (which would start a gRPC server): validateResource/validateStack with the arguments and a
// reportViolation that collects.
import { join } from "node:path";
import type { ResourceValidationArgs, StackValidationArgs } from "@pulumi/policy";
import { loadInventory } from "../../../model/load/index.ts";
import type { LoadResult } from "../../../model/load/result.ts";
import type { Inventory } from "../../../model/types.ts";
import {
  type BaubauPolicy,
  type PolicyContext,
  ROOT_STACK_TYPE,
  toPolicy,
  waiversPolicy,
} from "../../../policy/policies.ts";
import type { PolicyResource, Rule } from "../../../policy/rule.ts";
import type { Waiver } from "../../../policy/waivers.ts";
import { ROOT } from "../../../toolchain/paths.ts";

export interface Reported {
  message: string;
  urn?: string;
}

const NOW = new Date("2026-12-01T00:00:00Z");

/** The city's inventory as committed (inventory/); the tests on it cannot run if it does not load. */
export async function cityInventory(): Promise<Inventory> {
  const loaded = await loadInventory(join(ROOT, "inventory"));
  if (!loaded.ok) throw new Error("the real inventory does not load");
  return loaded.inventory;
}

function context(result: LoadResult, now = NOW, waivers: readonly Waiver[] = []): PolicyContext {
  return { inventory: async () => ({ dir: "inventory", result }), now: () => now, waivers };
}

const unusedContext = context({ ok: false, problems: [] });

/** A Kubernetes resource as the engine hands it to the pack. */
export function k8s(type: string, props: Record<string, unknown>, name = "r"): PolicyResource {
  return { type: `kubernetes:${type}`, urn: `urn:pulumi:twin::baubau::${type}::${name}`, name, props };
}

export async function resourceViolations(rule: Rule, r: PolicyResource): Promise<string[]> {
  const policy = toPolicy(rule, unusedContext);
  if (!("validateResource" in policy) || typeof policy.validateResource !== "function")
    throw new Error(`${rule.id} is not a resource policy`);
  const out: string[] = [];
  await policy.validateResource({ ...r } as unknown as ResourceValidationArgs, (message) => {
    out.push(message);
  });
  return out;
}

export async function stackViolations(rule: Rule, resources: PolicyResource[]): Promise<Reported[]> {
  const policy = toPolicy(rule, unusedContext);
  if (!("validateStack" in policy) || typeof policy.validateStack !== "function")
    throw new Error(`${rule.id} is not a stack policy`);
  const out: Reported[] = [];
  await policy.validateStack({ resources } as unknown as StackValidationArgs, (message, urn) => {
    out.push({ message, ...(urn ? { urn } : {}) });
  });
  return out;
}

/** A model rule on the stack's root resource, with this inventory (or load result) behind it. */
export async function modelViolations(
  rule: Rule,
  inventory: Inventory | LoadResult,
  now = NOW,
  waivers: readonly Waiver[] = [],
): Promise<string[]> {
  const result: LoadResult = "ok" in inventory ? inventory : { ok: true, inventory };
  return onRoot(toPolicy(rule, context(result, now, waivers)));
}

/** What policy-waivers reports for these rules and waivers on this inventory. */
export function waiverViolations(
  rules: readonly Rule[],
  inventory: Inventory,
  waivers: readonly Waiver[],
  now = NOW,
): Promise<string[]> {
  return onRoot(waiversPolicy(rules, context({ ok: true, inventory }, now, waivers)));
}

async function onRoot(policy: BaubauPolicy): Promise<string[]> {
  if (!("validateResource" in policy) || typeof policy.validateResource !== "function")
    throw new Error(`${policy.name} is not a resource policy`);
  const out: string[] = [];
  const root = {
    type: ROOT_STACK_TYPE,
    urn: "urn:pulumi:twin::baubau::pulumi:pulumi:Stack::baubau-twin",
    name: "baubau-twin",
    props: {},
  };
  await policy.validateResource(root as unknown as ResourceValidationArgs, (message) => {
    out.push(message);
  });
  return out;
}

/** A rendered manifest (charts/) as the resource the stack registers for it. */
export function fromManifest(m: {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
}) {
  const group = m.apiVersion.includes("/") ? m.apiVersion : `core/${m.apiVersion}`;
  const name = [m.kind.toLowerCase(), m.metadata.namespace, m.metadata.name].filter(Boolean).join(":");
  return k8s(`${group}:${m.kind}`, m as unknown as Record<string, unknown>, name);
}
