// The CrossGuard policy pack `baubau`: `pulumi preview --policy-pack policy/`. The language host
// starts it with the checked stack's name and config (toolchain/language-nodejs, as upstream's host
// does), so each rule's level comes from that stack's config (enforcement.ts) before the engine
// asks the pack what it enforces.
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PolicyPack } from "@pulumi/policy";
import * as pulumi from "@pulumi/pulumi";
import { loadInventory } from "../model/load/index.ts";
import type { LoadResult } from "../model/load/result.ts";
import { OVERRIDES_KEY, PROFILE_KEY, resolveEnforcement } from "./enforcement.ts";
import { toPolicy, waiversPolicy } from "./policies.ts";
import { RULES } from "./rules.ts";
import { parseWaivers, WAIVERS_KEY } from "./waivers.ts";

/** The project root (where Pulumi.yaml is): the stack resolves its inventoryDir from here too. */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

const config = new pulumi.Config("baubau");
// Our two keys' values, and the names (never the values) of the stack's other keys.
const stackConfig: Record<string, string> = {};
for (const key of Object.keys(pulumi.runtime.allConfig())) stackConfig[key] = "";
for (const [key, name] of [
  [PROFILE_KEY, "policyProfile"],
  [OVERRIDES_KEY, "policy"],
  [WAIVERS_KEY, "policyWaivers"],
] as const) {
  const value = config.get(name);
  if (value === undefined) delete stackConfig[key];
  else stackConfig[key] = value;
}
function fromStackConfig<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    // A bad profile, override or waiver stops the pack here; RunError prints the message without a stack trace.
    throw new pulumi.RunError(e instanceof Error ? e.message : String(e));
  }
}
const enforcement = fromStackConfig(() =>
  resolveEnforcement(RULES, { stack: pulumi.getStack(), config: stackConfig }),
);
const waivers = fromStackConfig(() => parseWaivers(RULES, pulumi.getStack(), stackConfig[WAIVERS_KEY]));

let loaded: Promise<{ dir: string; result: LoadResult }> | undefined;
const context = {
  inventory() {
    if (!loaded) {
      const dir = resolve(ROOT, config.get("inventoryDir") ?? "inventory");
      loaded = loadInventory(dir).then((result) => ({ dir, result }));
    }
    return loaded;
  },
  now: () => new Date(),
  waivers,
};

const policies = RULES.map((rule) => ({
  ...toPolicy(rule, context),
  enforcementLevel: enforcement.levels.get(rule.id) ?? rule.enforcement.production,
}));

new PolicyPack("baubau", {
  description:
    `Kota Baubau smart city (profile ${enforcement.profile}): Tier-2 data center, SPBE/Satu Data/BSSN, ` +
    "fiber network, Kubernetes security",
  enforcementLevel: "mandatory",
  policies: [...policies, waiversPolicy(RULES, context)],
});
