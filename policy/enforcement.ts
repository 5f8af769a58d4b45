// Which level each rule runs at on a stack: the profile's defaults (twin or production), then the
// stack's own overrides, both from stack config:
//
//   config:
//     baubau:policyProfile: production      # twin | production; default below
//     baubau:policy:                        # per rule: advisory | mandatory | disabled
//       net-pop-diversity: advisory
//
// Without a profile, a stack is `production` when it is named so or deploys to real clusters (it
// sets a `baubau:kubeconfig-<cluster>` secret, stacks/config.ts), else `twin`: without those
// secrets the program can only reach the twin's kubeconfigs in .twin/.
// An unknown rule id or level is refused with the allowed values, so a typo never silently
// leaves a rule at its default.
import { z } from "zod";
import { suggest } from "../model/load/suggest.ts";
import { LEVELS, type Level, PROFILES, type Profile, type RuleMeta } from "./rule.ts";

export const PROFILE_KEY = "baubau:policyProfile";
export const OVERRIDES_KEY = "baubau:policy";

/** What the engine tells the pack about the stack it checks (its ConfigureStack request). */
export interface StackSettings {
  stack: string;
  /** Stack config, `namespace:key` → value (objects as JSON text); secrets' values are not needed. */
  config: Readonly<Record<string, string>>;
}

export interface Enforcement {
  profile: Profile;
  levels: ReadonlyMap<string, Level>;
}

const overridesSchema = z.record(z.string(), z.enum(LEVELS));

function fail(stack: string, message: string): never {
  throw new Error(`policy pack: stack ${stack}: ${message}`);
}

/** Config key of a real cluster's kubeconfig (only the key is looked at, never the secret). */
const KUBECONFIG_KEY = /^baubau:kubeconfig-/;

export function defaultProfile(stack: string, configKeys: readonly string[]): Profile {
  return stack === "production" || configKeys.some((k) => KUBECONFIG_KEY.test(k)) ? "production" : "twin";
}

export function resolveEnforcement(rules: readonly RuleMeta[], settings: StackSettings): Enforcement {
  const { stack, config } = settings;
  const rawProfile = config[PROFILE_KEY];
  let profile = defaultProfile(stack, Object.keys(config));
  if (rawProfile !== undefined) {
    if (!(PROFILES as readonly string[]).includes(rawProfile)) {
      const near = suggest(rawProfile, PROFILES);
      fail(
        stack,
        `config ${PROFILE_KEY} is "${rawProfile}"; allowed: ${PROFILES.join(", ")}` +
          (near ? ` (did you mean "${near}"?)` : ""),
      );
    }
    profile = rawProfile as Profile;
  }
  const levels = new Map(rules.map((r) => [r.id, r.enforcement[profile]] as const));
  const raw = config[OVERRIDES_KEY];
  if (raw === undefined) return { profile, levels };

  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    fail(stack, `config ${OVERRIDES_KEY} must be a map of rule id to level, got ${JSON.stringify(raw)}`);
  }
  const result = overridesSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    const at = issue?.path.length ? `${OVERRIDES_KEY}.${issue.path.join(".")}` : OVERRIDES_KEY;
    fail(stack, `config ${at}: ${issue?.message ?? "invalid"}; levels: ${LEVELS.join(", ")}`);
  }
  const ids = rules.map((r) => r.id);
  for (const [id, level] of Object.entries(result.data)) {
    if (!levels.has(id)) {
      const near = suggest(id, ids);
      fail(
        stack,
        `config ${OVERRIDES_KEY} names "${id}", which is not a rule of the pack` +
          (near ? `; did you mean "${near}"?` : `; rules: ${ids.join(", ")}`),
      );
    }
    levels.set(id, level);
  }
  return { profile, levels };
}
