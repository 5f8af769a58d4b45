// The engine's refusals of a plan, said without the values it prints. Its messages look like
//   resource urn:…::dc-prod-provider violates plan: properties changed: ~~kubeconfig[{[secret]}!={…}]
//   error: create is not allowed by the plan: no steps were expected for this resource
// and the bracketed values can be anything (non-secret values are printed as they are).

/** The message with every bracketed value removed, brackets nested to any depth. */
function withoutValues(message: string): string {
  let depth = 0;
  let out = "";
  for (const ch of message) {
    if (ch === "[") depth++;
    else if (ch === "]") depth = Math.max(0, depth - 1);
    else if (depth === 0) out += ch;
  }
  return out;
}

/** One line per refused resource: its name and the properties (or the operation) the plan did not allow. */
export function planViolations(output: string): string[] {
  const found = new Set<string>();
  for (const m of output.matchAll(/resource (\S+) violates plan: ([^\n]*)/g)) {
    const name = (m[1] as string).split("::").at(-1);
    const rest = withoutValues(m[2] as string);
    const keys = rest
      .split(/[\s,]+/)
      .map((token) => /^[=+~-]{2}(.+)$/.exec(token)?.[1])
      .filter((k): k is string => k !== undefined);
    found.add(`${name}: ${keys.length ? `properties ${keys.join(", ")} differ from the plan` : rest.trim()}`);
  }
  for (const m of output.matchAll(/\((\S+)\):\s*\n\s*error: ([a-z-]+ is not allowed by the plan[^\n]*)/g)) {
    found.add(`${m[1]}: ${withoutValues(m[2] as string).trim()}`);
  }
  return [...found].sort();
}
