// The auditor's report as data: what the change does (counts, changes ranked by risk), what it
// means for the city (the domain diff, RBAC widened, exposure), what the policies said, and the
// plan it is bound to. markdown.ts and html.ts render it; neither adds or drops a fact.
import { type Change, changesOf, countByOperation, OP_ORDER, type Operation } from "./changes.ts";
import type { DomainDiff, SiteChange, TargetChange } from "./domain.ts";
import { rbacWidenings } from "./rbac.ts";
import type { PolicyResult, SavedPreview } from "./saved-preview.ts";

/** A piece of text: plain, as code (names, ids, hashes) or emphasised. */
export type Segment = { text: string; code?: boolean; strong?: boolean };
export type Line = Segment[];

export interface Section {
  title: string;
  /** Bullet lines, or a table, or both (lines first). */
  lines?: Line[];
  table?: { head: string[]; rows: Line[][] };
  /** Said when there is nothing to list. */
  empty?: string;
  note?: string;
}

export interface Report {
  title: string;
  verdict: { ok: boolean; text: string };
  /** Facts about the review itself (stack, plan hash, what was compared). */
  about: Line[];
  sections: Section[];
}

export interface ReportInput {
  stack: string;
  preview: SavedPreview;
  domain?: DomainDiff;
  /** SHA-256 of the saved plan file; absent when the preview could not save one. */
  planHash?: string;
  /** What the "before" side of the domain diff is, e.g. "inventory/ at git HEAD (1a2b3c4)". */
  base?: string;
  /** How many ranked changes to list (the rest are counted); a PR comment has limited room. */
  maxChanges?: number;
}

const t = (text: string): Segment => ({ text });
const code = (text: string): Segment => ({ text, code: true });
const strong = (text: string): Segment => ({ text, strong: true });

const LEVEL_ORDER = ["mandatory", "remediate", "advisory", "disabled"];
/** Policy rows in the report: enough for every mandatory one in practice, short enough for a PR comment. */
const MAX_VIOLATIONS = 40;

/** The label charts/tenant-platform.ts puts on a tenant's namespace (its value: the tenant id). */
const TENANT_LABEL = "smartcity.baubaukota.go.id/tenant";

/** Which tenant a deleted namespace belonged to, from its label before the change. */
function tenantOf(c: Change): string | undefined {
  const labels = (c.before?.metadata as { labels?: Record<string, unknown> } | undefined)?.labels;
  const value = labels?.[TENANT_LABEL];
  return typeof value === "string" ? value : undefined;
}

function where(c: { namespace?: string; objectName?: string; name: string }): string {
  if (c.objectName) return c.namespace ? `${c.namespace}/${c.objectName}` : c.objectName;
  return c.name;
}

function opLabel(op: Operation): string {
  return {
    delete: "delete",
    replace: "replace",
    update: "update",
    create: "create",
    import: "import",
    read: "read",
    same: "same",
  }[op];
}

function countsSection(changes: Change[], engine: Record<string, number>): Section {
  const counts = countByOperation(changes);
  const engineOps = Object.keys(engine).filter((k) => !OP_ORDER.includes(k as Operation));
  const ops = [...OP_ORDER.filter((op) => op !== "same" || engine.same !== undefined), ...engineOps.sort()];
  return {
    title: "Counts by operation",
    table: {
      head: ["operation", "resources", "engine count (components included)"],
      rows: ops
        .filter((op) => (counts[op as Operation] ?? 0) > 0 || (engine[op] ?? 0) > 0)
        .map((op) => [[t(op)], [t(String(counts[op as Operation] ?? 0))], [t(String(engine[op] ?? 0))]]),
    },
    empty: "No resource changes.",
  };
}

function percent(f: { covered: number; inScope: number; percent: number | null } | undefined): string {
  if (!f) return "—";
  return `${f.covered}/${f.inScope} (${f.percent === null ? "n/a" : `${f.percent.toFixed(1)}%`})`;
}

function siteLine(s: SiteChange): Line {
  const verb = {
    "gains-fiber": "gains fiber",
    "loses-fiber": "loses fiber",
    added: "is added",
    removed: "is removed",
    "connection-changed": "changes connection",
  }[s.change];
  const line: Line = [
    t("Site "),
    strong(s.name),
    t(" ("),
    code(s.id),
    t(`, ${s.category}, ${s.kecamatan}) ${verb}`),
  ];
  const from = s.connectionBefore ? `${s.connectionBefore}, ${s.before}` : undefined;
  const to = s.connectionAfter ? `${s.connectionAfter}, ${s.after}` : undefined;
  if (from && to) line.push(t(`: ${from} → ${to}`));
  else if (to) line.push(t(`: ${to}`));
  else if (from) line.push(t(`: was ${from}`));
  return line;
}

function targetLine(tc: TargetChange): Line {
  const met = (f?: { meetsTarget: boolean }) => (f ? (f.meetsTarget ? "met" : "not met") : "—");
  return [
    t("Coverage "),
    code(tc.targetId),
    t(` (target ${tc.targetPercent.toFixed(1)}%): ${percent(tc.before)} → ${percent(tc.after)}`),
    t(`, ${met(tc.before)} → ${met(tc.after)}`),
  ];
}

function domainSection(input: ReportInput, changes: Change[]): Section {
  const lines: Line[] = [];
  const d = input.domain;
  if (d) {
    for (const tenant of d.tenants) {
      if (tenant.change === "removed") {
        const namespaces = changes
          .filter((c) => c.kind === "Namespace" && c.op === "delete" && tenantOf(c) === tenant.id)
          .map(where);
        lines.push([
          strong("Tenant removed: "),
          t(`${tenant.name} (`),
          code(tenant.id),
          t(")"),
          ...(namespaces.length
            ? [
                t("; namespaces deleted: "),
                ...namespaces.flatMap((n, k) => [...(k ? [t(", ")] : []), code(n)]),
              ]
            : []),
        ]);
      } else if (tenant.change === "added") {
        lines.push([t("Tenant added: "), t(`${tenant.name} (`), code(tenant.id), t(")")]);
      } else {
        lines.push([t("Tenant "), code(tenant.id), t(` renamed: ${tenant.nameBefore} → ${tenant.name}`)]);
      }
    }
    for (const e of d.services) {
      const who: Line = [t(`${e.name} (`), code(e.id), t(`, ${e.tenant})`)];
      if (e.change === "newly-public")
        lines.push([strong("Newly public: "), ...who, t(" at "), code(e.host ?? "")]);
      else if (e.change === "no-longer-public")
        lines.push([strong("No longer public: "), ...who, t(", was "), code(e.hostBefore ?? "")]);
      else
        lines.push([
          strong("Public host changed: "),
          ...who,
          t(": "),
          code(e.hostBefore ?? ""),
          t(" → "),
          code(e.host ?? ""),
        ]);
    }
    for (const s of d.sites) lines.push(siteLine(s));
    for (const tc of d.targets.filter((x) => x.changed)) lines.push(targetLine(tc));
  }
  const rbac = rbacWidenings(changes);
  const cluster = (w: { provider?: string }) =>
    w.provider ? ` (${w.provider.replace(/-provider$/, "")})` : "";
  for (const w of rbac.filter((x) => !x.created || x.sensitive.length)) {
    const shown = w.created ? w.sensitive : w.added;
    const head: Line = [
      strong(w.created ? "RBAC granted: " : "RBAC widened: "),
      t(`${w.kind} `),
      code(where({ ...w, name: w.urn })),
      t(cluster(w)),
    ];
    if (w.roleRefChanged)
      head.push(t(" now binds "), code(w.roleRefChanged.to), t(" instead of "), code(w.roleRefChanged.from));
    if (shown.length)
      head.push(
        t(
          w.kind.endsWith("Binding")
            ? "; subjects added: "
            : w.created
              ? "; sensitive grants: "
              : "; grants added: ",
        ),
      );
    shown.forEach((g, k) => {
      head.push(...(k ? [t(", ")] : []), code(g));
      if (!w.created && w.sensitive.includes(g)) head.push(strong(" (sensitive)"));
    });
    lines.push(head);
  }
  // New roles and bindings without a sensitive grant: one line, with whom they bind.
  const plain = rbac.filter((x) => x.created && !x.sensitive.length);
  if (plain.length) {
    const roles = plain.filter((x) => !x.kind.endsWith("Binding")).length;
    const subjects = [
      ...new Set(plain.filter((x) => x.kind.endsWith("Binding")).flatMap((x) => x.added)),
    ].sort();
    lines.push([
      strong("RBAC created: "),
      t(
        `${roles} role(s) and ${plain.length - roles} binding(s), none granting secrets, wildcards or escalation`,
      ),
      ...(subjects.length
        ? [t("; subjects bound: "), ...subjects.flatMap((g, k) => [...(k ? [t(", ")] : []), code(g)])]
        : []),
    ]);
  }
  for (const c of changes) {
    const exposure = exposureOf(c);
    if (exposure) lines.push([strong("Exposed: "), t(`${c.kind} `), code(where(c)), t(` ${exposure}`)]);
  }
  return {
    title: "What it means for the city",
    lines,
    empty: d
      ? "No site, coverage, tenant, service, RBAC or exposure change."
      : "No change in RBAC or exposure.",
    ...(d
      ? {
          note:
            `Computed from the model on both sides${input.base ? `: before = ${input.base}, after = the inventory the stack deploys` : ""}.` +
            (d.targets.some((x) => !x.changed) ? " Targets whose coverage does not move are left out." : ""),
        }
      : { note: "The inventory could not be compared (see the warning above); only the preview was read." }),
  };
}

/** A Service that becomes reachable from outside the cluster, or an Ingress that publishes a host. */
function exposureOf(c: Change): string | undefined {
  if (c.op === "delete" || c.op === "same" || c.op === "read") return undefined;
  const spec = (c.after?.spec ?? {}) as Record<string, unknown>;
  const before = (c.op === "create" ? {} : (c.before?.spec ?? {})) as Record<string, unknown>;
  if (c.kind === "Service") {
    const outside = (s: Record<string, unknown>) => s.type === "LoadBalancer" || s.type === "NodePort";
    if (outside(spec) && !outside(before))
      return `becomes reachable from outside the cluster (type ${spec.type})`;
  }
  if (c.kind === "Ingress") {
    const hosts = (s: Record<string, unknown>) =>
      new Set(
        (Array.isArray(s.rules) ? (s.rules as Record<string, unknown>[]) : [])
          .map((r) => r.host)
          .filter((h): h is string => typeof h === "string"),
      );
    const was = hosts(before);
    const added = [...hosts(spec)].filter((h) => !was.has(h)).sort();
    if (added.length) return `publishes ${added.join(", ")}`;
  }
  return undefined;
}

function policySection(preview: SavedPreview, changes: Change[]): Section {
  const rows = [...preview.violations].sort(
    (a, b) =>
      LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) ||
      cmp(a.pack, b.pack) ||
      cmp(a.policy, b.policy) ||
      cmp(a.urn ?? "", b.urn ?? "") ||
      cmp(a.message, b.message),
  );
  const byUrn = new Map(changes.map((c) => [c.urn, c]));
  const resource = (v: PolicyResult): Line => {
    if (!v.urn) return [t("(stack)")];
    const c = byUrn.get(v.urn);
    return [code(c ? `${c.kind} ${where(c)}` : (v.urn.split("::").at(-1) ?? v.urn))];
  };
  const listed = rows.slice(0, MAX_VIOLATIONS);
  const packs = [...preview.policiesPassed.keys()].sort();
  const passed = packs.reduce((n, p) => n + (preview.policiesPassed.get(p)?.size ?? 0), 0);
  const notes = [
    ...(rows.length > listed.length
      ? [`${rows.length - listed.length} more violation(s) not listed (mandatory ones come first).`]
      : []),
    ...(packs.length
      ? [`Packs that ran: ${packs.join(", ")}; ${passed} rule(s) passed on at least one resource.`]
      : []),
  ];
  return {
    title: "Policy violations",
    table: {
      head: ["level", "rule", "resource", "message"],
      rows: listed.map((v) => [
        [v.level === "mandatory" ? strong(v.level) : t(v.level)],
        [code(`${v.pack}/${v.policy}`)],
        resource(v),
        [t(v.message.length > 400 ? `${v.message.slice(0, 400)}…` : v.message)],
      ]),
    },
    empty: packs.length ? "No violation." : "No policy pack ran in this preview.",
    ...(notes.length ? { note: notes.join(" ") } : {}),
  };
}

function changesSection(changes: Change[], max: number): Section {
  const listed = changes.filter((c) => c.op !== "same").slice(0, max);
  const omitted = changes.filter((c) => c.op !== "same").length - listed.length;
  return {
    title: "Changes, riskiest first",
    table: {
      head: ["risk", "operation", "kind", "object", "cluster", "what changes", "why"],
      rows: listed.map((c) => [
        [c.risk === "critical" ? strong(c.risk) : t(c.risk)],
        [t(opLabel(c.op))],
        [t(c.kind)],
        [code(where(c))],
        [t(c.provider?.replace(/-provider$/, "") ?? "")],
        c.replaceKeys.length
          ? [
              t("replaced because of "),
              ...c.replaceKeys.flatMap((k, i) => [...(i ? [t(", ")] : []), code(k)]),
            ]
          : c.op === "update" && !c.diffKeys.length
            ? [t("no property named by the provider")]
            : c.diffKeys
                .slice(0, 6)
                .flatMap((k, i) => [...(i ? [t(", ")] : []), code(k)])
                .concat(c.diffKeys.length > 6 ? [t(` and ${c.diffKeys.length - 6} more`)] : []),
        [t(c.why)],
      ]),
    },
    empty: "Nothing changes.",
    ...(omitted > 0
      ? { note: `${omitted} lower-risk change(s) not listed; the counts above include them.` }
      : {}),
  };
}

function diagnosticsSection(preview: SavedPreview): Section | undefined {
  if (!preview.diagnostics.length) return undefined;
  const rows = [...preview.diagnostics]
    .sort((a, b) => cmp(a.severity, b.severity) || cmp(a.urn ?? "", b.urn ?? "") || cmp(a.message, b.message))
    .map((d) => [
      [t(d.severity)],
      [code(d.urn ? (d.urn.split("::").at(-1) ?? d.urn) : "(stack)")],
      [t(d.message.slice(0, 400))],
    ]);
  return { title: "Engine warnings and errors", table: { head: ["severity", "resource", "message"], rows } };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function buildReport(input: ReportInput): Report {
  const changes = changesOf(input.preview.steps);
  const mandatory = input.preview.violations.filter((v) => v.level === "mandatory").length;
  const errors = input.preview.diagnostics.filter((d) => d.severity === "error").length;
  const counts = countByOperation(changes);
  const changed = OP_ORDER.filter((op) => op !== "same" && counts[op] > 0).map(
    (op) => `${counts[op]} to ${op}`,
  );
  const verdict = mandatory
    ? {
        ok: false,
        text: `Blocked: ${mandatory} mandatory policy violation(s); the engine refuses this change.`,
      }
    : errors
      ? { ok: false, text: `The preview failed with ${errors} error(s); there is nothing to apply.` }
      : !input.planHash
        ? {
            ok: false,
            text: "No plan was saved; this preview cannot be applied through scripts/audit apply.",
          }
        : { ok: true, text: "Ready to apply: scripts/audit apply applies exactly this plan, or refuses." };
  const about: Line[] = [
    [t("Stack "), code(input.stack)],
    input.planHash ? [t("Plan "), code(`sha256:${input.planHash}`)] : [t("No saved plan")],
  ];
  const sections = [
    countsSection(changes, input.preview.changeSummary),
    policySection(input.preview, changes),
    domainSection(input, changes),
    changesSection(changes, input.maxChanges ?? 50),
    diagnosticsSection(input.preview),
  ].filter((s): s is Section => s !== undefined);
  return {
    title: `Stack ${input.stack}: ${changed.length ? changed.join(", ") : "no changes"}`,
    verdict,
    about,
    sections,
  };
}
