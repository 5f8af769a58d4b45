// The report on real engine previews of the twin stack (fixtures/previews, captured by
// scripts/audit-fixtures from tests/integration/audit.test.ts): a one-site change, a tenant
// removal, an RBAC widening. Ranking, the city-level lines, redaction and determinism.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { changesOf, type RiskLevel } from "../../../audit/changes.ts";
import type { DomainDiff } from "../../../audit/domain.ts";
import { renderReport } from "../../../audit/render.ts";
import { parseSavedPreview } from "../../../audit/saved-preview.ts";
import { CASES, type CaseName, credentialFindings, FIXTURES } from "../../../scripts/lib/audit-fixtures.ts";

interface Captured {
  stack: string;
  prefix: string;
  site: string;
  removedTenant: string;
  planted: string;
  cases: Record<CaseName, { planHash?: string; base?: string }>;
}

const about = JSON.parse(readFileSync(join(FIXTURES, "capture.json"), "utf8")) as Captured;
const read = (c: CaseName, file: string) => readFileSync(join(FIXTURES, c, file), "utf8");
const domainOf = (c: CaseName): DomainDiff | undefined => {
  try {
    return JSON.parse(read(c, "domain.json")) as DomainDiff;
  } catch {
    return undefined;
  }
};

function render(c: CaseName, edit: { preview?: string; events?: string } = {}, secrets: string[] = []) {
  const preview = parseSavedPreview(
    edit.preview ?? read(c, "preview.json"),
    edit.events ?? read(c, "events.jsonl"),
  );
  const domain = domainOf(c);
  const { planHash, base } = about.cases[c];
  return renderReport(
    {
      stack: about.stack,
      preview,
      ...(domain ? { domain } : {}),
      ...(planHash ? { planHash } : {}),
      ...(base ? { base } : {}),
    },
    secrets,
  );
}

const changes = (c: CaseName) => changesOf(parseSavedPreview(read(c, "preview.json"), "").steps);
const RANK: Record<RiskLevel, number> = { critical: 0, high: 1, medium: 2, low: 3 };
const OP_RANK: Record<string, number> = { delete: 0, replace: 1, update: 2, create: 3 };
/** The ranked rows of a Markdown report's change table. */
const rows = (md: string) =>
  md.split("\n").filter((l) => /^\| (\*\*critical\*\*|high|medium|low) \|/.test(l));

describe("captured previews", () => {
  it("are real engine output for the three changes, and hold no credential", () => {
    for (const c of Object.keys(CASES) as CaseName[]) {
      const preview = JSON.parse(read(c, "preview.json")) as { steps: { urn: string }[] };
      expect(preview.steps.length, c).toBeGreaterThan(0);
      expect(
        preview.steps.every((s) => s.urn.startsWith(`urn:pulumi:${about.stack}::`)),
        c,
      ).toBe(true);
      for (const file of ["preview.json", "events.jsonl"])
        expect(credentialFindings(read(c, file), [about.planted]), `${c}/${file}`).toEqual([]);
    }
  });
});

describe("ranking on real previews", () => {
  it("a tenant removal: the namespace's deletion first, then its security objects, then the rest", () => {
    const ns = `${about.prefix}${about.removedTenant}`;
    const ranked = changes("tenant-removal");
    expect(ranked.length).toBeGreaterThan(5);
    expect(ranked[0]).toMatchObject({ risk: "critical", op: "delete", kind: "Namespace", objectName: ns });
    // Everything the removal deletes is in that namespace.
    expect(ranked.every((c) => c.op === "delete" && (c.namespace === ns || c.objectName === ns))).toBe(true);
    const security = [
      "Role",
      "RoleBinding",
      "NetworkPolicy",
      "ServiceAccount",
      "ResourceQuota",
      "LimitRange",
    ];
    for (const c of ranked) {
      const expected = c.kind === "Namespace" || security.includes(c.kind) ? "critical" : "high";
      expect(c.risk, `${c.kind} ${c.objectName}`).toBe(expected);
    }
    expect(ranked.filter((c) => c.kind === "NetworkPolicy").length).toBeGreaterThan(0);
    expect(ranked.filter((c) => c.risk === "high").map((c) => c.kind)).toContain("Deployment");
  });

  it("an RBAC widening: every widened Role is a high-risk update, ranked above anything lower", () => {
    const ranked = changes("rbac-widening");
    const roles = ranked.filter((c) => c.kind === "Role");
    expect(roles.length).toBeGreaterThan(1);
    for (const r of roles) {
      expect(r, r.urn).toMatchObject({ op: "update", risk: "high" });
      expect(
        r.diffKeys.some((k) => k.startsWith("rules")),
        r.urn,
      ).toBe(true);
    }
    const md = render("rbac-widening").markdown;
    expect(rows(md)[0]).toMatch(/^\| high \| update \| Role \| `[^`]+\/tenant-(operator|auditor)` \|/);
  });

  it("every ranked list is ordered by risk, then operation, whatever order the engine reported in", () => {
    for (const c of ["tenant-removal", "rbac-widening"] as CaseName[]) {
      const ranked = changes(c);
      for (let i = 1; i < ranked.length; i++) {
        const [a, b] = [ranked[i - 1]!, ranked[i]!];
        const order = RANK[a.risk] - RANK[b.risk] || (OP_RANK[a.op] ?? 9) - (OP_RANK[b.op] ?? 9);
        expect(order, `${a.urn} before ${b.urn}`).toBeLessThanOrEqual(0);
      }
      const preview = JSON.parse(read(c, "preview.json")) as { steps: unknown[] };
      const reversed = JSON.stringify({ ...preview, steps: [...preview.steps].reverse() });
      expect(changesOf(parseSavedPreview(reversed, "").steps).map((x) => x.urn)).toEqual(
        ranked.map((x) => x.urn),
      );
    }
  });
});

describe("the city-level lines on real previews", () => {
  it("a one-site change: the site gains fiber, and each target that counts it moves by exactly one", () => {
    const domain = domainOf("one-site") as DomainDiff;
    const md = render("one-site").markdown;
    const site = domain.sites.find((s) => s.id === about.site);
    expect(domain.sites).toHaveLength(1);
    expect(site).toMatchObject({ change: "gains-fiber", after: "covered" });
    expect(md).toContain(
      `- Site **${site!.name}** (\`${about.site}\`, ${site!.category}, ${site!.kecamatan}) gains fiber: ` +
        `${site!.connectionBefore}, ${site!.before} → ${site!.connectionAfter}, covered`,
    );
    const moved = domain.targets.filter((t) => t.changed);
    expect(moved.length).toBeGreaterThan(0);
    const pct = (f: { covered: number; inScope: number }) =>
      (Math.round((f.covered / f.inScope) * 1000) / 10).toFixed(1);
    for (const t of moved) {
      const [was, now] = [t.before!, t.after!];
      expect(now.covered - was.covered, t.targetId).toBe(1);
      expect(now.inScope, t.targetId).toBe(was.inScope);
      expect(md).toContain(
        `- Coverage \`${t.targetId}\` (target ${t.targetPercent.toFixed(1)}%): ${was.covered}/${was.inScope} ` +
          `(${pct(was)}%) → ${now.covered}/${now.inScope} (${pct(now)}%)`,
      );
    }
    // The engine saw no resource change (the fiber objects are off in the capture): the city did.
    expect(md).toContain("no changes");
  });

  it("a tenant removal: the tenant named with the namespace the preview deletes, its public service gone", () => {
    const ns = `${about.prefix}${about.removedTenant}`;
    const domain = domainOf("tenant-removal") as DomainDiff;
    const tenant = domain.tenants.find((t) => t.id === about.removedTenant);
    expect(tenant?.change).toBe("removed");
    const md = render("tenant-removal").markdown;
    // The namespace comes from the preview's steps, the tenant from the model: the report joins them.
    expect(md).toContain(
      `- **Tenant removed:** ${tenant!.name} (\`${about.removedTenant}\`); namespaces deleted: \`${ns}\``,
    );
    const gone = domain.services.filter(
      (s) => s.tenant === about.removedTenant && s.change === "no-longer-public",
    );
    expect(gone.length).toBeGreaterThan(0);
    for (const s of gone)
      expect(md).toContain(`- **No longer public:** ${s.name} (\`${s.id}\`, ${s.tenant})`);
    // A namespace deleted with it that is not the tenant's (its label names another) is not claimed.
    const preview = JSON.parse(read("tenant-removal", "preview.json")) as {
      steps: { oldState?: { type: string; inputs?: Record<string, any> } }[];
    };
    const namespace = preview.steps.find((s) => s.oldState?.type === "kubernetes:core/v1:Namespace");
    namespace!.oldState!.inputs!.metadata.labels["smartcity.baubaukota.go.id/tenant"] = "another-tenant";
    const other = render("tenant-removal", { preview: JSON.stringify(preview) }).markdown;
    expect(other).toContain(`- **Tenant removed:** ${tenant!.name} (\`${about.removedTenant}\`)\n`);
    expect(other).not.toContain("namespaces deleted");
  });

  it("an RBAC widening: each Role reads as RBAC widened, the secrets grant marked sensitive", () => {
    const md = render("rbac-widening").markdown;
    const roles = changes("rbac-widening").filter((c) => c.kind === "Role");
    for (const r of roles)
      expect(md).toContain(
        `**RBAC widened:** Role \`${r.namespace}/${r.objectName}\` (${r.provider?.replace(/-provider$/, "")}); ` +
          "grants added: `core/secrets:get` **(sensitive)**",
      );
  });
});

describe("policy results on real previews", () => {
  it("an RBAC widening is blocked by the stack-wide RBAC rule, mandatory rows first", () => {
    const md = render("rbac-widening").markdown;
    expect(md).toContain("⛔ **Blocked: ");
    const levels = md
      .split("\n")
      .filter((l) => l.startsWith("| **mandatory**") || l.startsWith("| advisory"))
      .map((l) => (l.startsWith("| **mandatory**") ? "mandatory" : "advisory"));
    expect(levels[0]).toBe("mandatory");
    expect(levels.indexOf("advisory")).toBeGreaterThan(levels.lastIndexOf("mandatory"));
    expect(md).toMatch(
      new RegExp(
        `\\| \\*\\*mandatory\\*\\* \\| \`baubau/k8s-rbac-tenant-least-privilege\` \\| \`dc-prod:${about.prefix}diskominfo/tenant-operator\` \\| .*grants tenant group opd:diskominfo secrets \\(get\\) through Role tenant-operator`,
      ),
    );
  });

  it("the other changes are ready to apply, with the twin's advisories listed", () => {
    for (const c of ["one-site", "tenant-removal"] as CaseName[]) {
      const md = render(c).markdown;
      expect(md, c).toContain("✅ **Ready to apply");
      expect(md, c).not.toContain("| **mandatory**");
      expect(md, c).toContain("| advisory | `baubau/net-link-margin` |");
    }
  });
});

describe("redaction on real previews", () => {
  const KEY = `-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA${"q".repeat(64)}\n-----END RSA PRIVATE KEY-----`;
  const KUBECONFIG = `apiVersion: v1\nusers:\n- name: admin\n  user:\n    client-key-data: ${"TUlJRW93SUJBQUtDQVFFQ".repeat(4)}\n`;

  it("secrets planted in the real preview's config, inputs, policy results and warnings never reach the report", () => {
    const c: CaseName = "tenant-removal";
    const preview = JSON.parse(read(c, "preview.json")) as {
      config: Record<string, string>;
      steps: { op: string; oldState?: { type: string; inputs?: Record<string, any> } }[];
    };
    // The Deployment the removal deletes, with a token in an env value (a program that forgot secret()).
    const deployment = preview.steps.find((s) => s.oldState?.type === "kubernetes:apps/v1:Deployment");
    expect(deployment).toBeDefined();
    const container = deployment!.oldState!.inputs!.spec.template.spec.containers[0];
    container.env = [...(container.env ?? []), { name: "TOKEN", value: about.planted }];
    preview.config["baubau:planted"] = about.planted;
    const lines = read(c, "events.jsonl").trimEnd().split("\n");
    const policy = lines.findIndex((l) => l.includes('"policyEvent"'));
    expect(policy).toBeGreaterThanOrEqual(0);
    const event = JSON.parse(lines[policy]!);
    event.policyEvent.message = `${event.policyEvent.message} (seen with ${about.planted})`;
    lines[policy] = JSON.stringify(event);
    lines.push(
      JSON.stringify({
        sequence: 99999,
        timestamp: 1,
        diagnosticEvent: { severity: "warning", color: "raw", message: `provider said: ${KUBECONFIG}${KEY}` },
      }),
    );
    const { markdown, html } = render(c, { preview: JSON.stringify(preview), events: lines.join("\n") }, [
      about.planted,
    ]);
    // The check below finds what it should: both shapes, unmasked.
    expect(credentialFindings(`${KUBECONFIG}${KEY} ${about.planted}`, [about.planted])).toHaveLength(3);
    for (const out of [markdown, html]) {
      expect(out).not.toContain(about.planted);
      expect(out).not.toContain("TUlJRW93SUJBQUtDQVFFQ");
      expect(out).not.toContain("MIIEowIBAAKCAQEA");
      expect(credentialFindings(out, [about.planted])).toEqual([]);
    }
    // The warning and the policy result are still there, with the secret masked.
    expect(markdown).toMatch(/provider said: .*\\\[secret\\\]/);
    expect(markdown).toContain("(seen with \\[secret\\])");
  });
});

describe("determinism on real previews", () => {
  it("two real previews of the same one-site change give the same report, byte for byte", () => {
    // Different engine runs: other timestamps, sequence numbers and durations in the files.
    expect(read("one-site-again", "events.jsonl")).not.toBe(read("one-site", "events.jsonl"));
    const planHash = about.cases["one-site"].planHash;
    expect(planHash).toBeDefined();
    const again = { ...about.cases["one-site-again"], planHash };
    const saved = about.cases["one-site-again"];
    about.cases["one-site-again"] = again;
    try {
      const [a, b] = [render("one-site"), render("one-site-again")];
      expect(b.markdown).toBe(a.markdown);
      expect(b.html).toBe(a.html);
    } finally {
      about.cases["one-site-again"] = saved;
    }
  });

  it("a real preview renders to the same bytes whatever order its steps and events come in", () => {
    for (const c of ["tenant-removal", "rbac-widening"] as CaseName[]) {
      const preview = JSON.parse(read(c, "preview.json")) as { steps: unknown[] };
      const shuffled = JSON.stringify({ ...preview, steps: [...preview.steps].reverse() });
      const events = read(c, "events.jsonl").trimEnd().split("\n").reverse().join("\n");
      const [a, b] = [render(c), render(c, { preview: shuffled, events })];
      expect(b.markdown, c).toBe(a.markdown);
      expect(b.html, c).toBe(a.html);
    }
  });
});
