// `nodes` and `spans` carry `uniqueItems: true` in the OFDS schema. A generic validator checks that by
// comparing every pair of items, O(n²): hours for a national network. Two equal items must share an
// `id`, so comparing only items with the same id decides exactly the same thing in linear time. OFDS
// also asks for ids unique within each array and for span ends that name nodes, which the schema cannot
// say; those are checked here too.

/** The arrays whose `uniqueItems` this module decides instead of the schema validator. */
export const RECORD_ARRAYS = ["nodes", "spans"] as const;

// JSON Schema equality ignores key order; a canonical encoding with sorted keys compares the same way.
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

function checkArray(items: unknown[], path: string, errors: string[]): Set<string> {
  const ids = new Set<string>();
  const byId = new Map<string, number[]>();
  items.forEach((item, i) => {
    const id = (item as { id?: unknown } | null)?.id;
    if (typeof id !== "string") return;
    ids.add(id);
    const group = byId.get(id);
    if (group) group.push(i);
    else byId.set(id, [i]);
  });
  for (const [id, group] of byId) {
    if (group.length < 2) continue;
    const seen = new Map<string, number>();
    for (const i of group) {
      const key = canonical(items[i]);
      const first = seen.get(key);
      if (first !== undefined)
        errors.push(`${path} must NOT have duplicate items (items ## ${first} and ${i} are identical)`);
      else seen.set(key, i);
    }
    errors.push(
      `${path}/${group[1]}/id "${id}" is not unique within ${path} (OFDS: identifiers are unique per array)`,
    );
  }
  return ids;
}

/** Linear checks of every network's nodes and spans; one message per problem, empty when sound. */
export function checkRecordArrays(data: unknown): string[] {
  const errors: string[] = [];
  const networks = (data as { networks?: unknown } | null)?.networks;
  if (!Array.isArray(networks)) return errors;
  networks.forEach((network, n) => {
    const { nodes, spans } = (network ?? {}) as { nodes?: unknown; spans?: unknown };
    const nodeIds = Array.isArray(nodes)
      ? checkArray(nodes, `/networks/${n}/nodes`, errors)
      : new Set<string>();
    if (!Array.isArray(spans)) return;
    checkArray(spans, `/networks/${n}/spans`, errors);
    spans.forEach((span, s) => {
      for (const end of ["start", "end"] as const) {
        const ref = (span as Record<string, unknown> | null)?.[end];
        if (typeof ref === "string" && !nodeIds.has(ref)) {
          errors.push(`/networks/${n}/spans/${s}/${end} "${ref}" names no node of this network`);
        }
      }
    });
  });
  return errors;
}
