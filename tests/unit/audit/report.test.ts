// The report: what it says (RBAC widened, exposure, policy results, verdict), that no secret
// gets through, and that the same saved preview always gives the same bytes.
import { describe, expect, it } from "vitest";
import { redact } from "../../../audit/redact.ts";
import { renderReport } from "../../../audit/render.ts";
import { parseSavedPreview, SavedPreviewError } from "../../../audit/saved-preview.ts";
import { diagnosticEvent, policyEvent, previewJson, step, urnOf } from "./preview-fixture.ts";

const PLANTED_CONFIG = "planted-config-secret-7f3a91";
const PLANTED_INPUT = "planted-input-secret-c0ffee42";
const PEM = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----";

const tenantRole = (extra: Record<string, unknown>[] = []) => ({
  rules: [{ apiGroups: ["", "apps"], resources: ["pods", "services"], verbs: ["get", "list"] }, ...extra],
});

const steps = [
  step({
    op: "update",
    type: "kubernetes:rbac.authorization.k8s.io/v1:Role",
    name: "tenant-operator",
    namespace: "kominfo-portal",
    before: tenantRole(),
    after: tenantRole([{ apiGroups: [""], resources: ["secrets"], verbs: ["get"] }]),
    diff: ["rules"],
  }),
  step({
    op: "update",
    type: "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding",
    name: "tenant-operator",
    namespace: "kominfo-portal",
    before: {
      roleRef: { kind: "Role", name: "tenant-operator" },
      subjects: [{ kind: "Group", name: "opd:diskominfo" }],
    },
    after: {
      roleRef: { kind: "ClusterRole", name: "admin" },
      subjects: [
        { kind: "Group", name: "opd:diskominfo" },
        { kind: "Group", name: "opd:all" },
      ],
    },
    diff: ["roleRef", "subjects"],
  }),
  step({
    op: "update",
    type: "kubernetes:core/v1:Service",
    name: "portal",
    namespace: "kominfo-portal",
    before: { spec: { type: "ClusterIP" } },
    after: { spec: { type: "LoadBalancer" } },
    diff: ["spec"],
  }),
  step({
    op: "create",
    type: "kubernetes:core/v1:Secret",
    name: "db",
    namespace: "kominfo-portal",
    // A secret the program forgot to mark as one: the JSON shows it in plain text.
    after: { stringData: { password: PLANTED_INPUT, key: PEM } },
  }),
  step({
    op: "create",
    type: "kubernetes:apps/v1:Deployment",
    name: "portal",
    namespace: "kominfo-portal",
    after: {
      spec: { template: { spec: { containers: [{ env: [{ name: "TOKEN", value: PLANTED_INPUT }] }] } } },
    },
  }),
];

const events = [
  policyEvent(1, {
    policy: "no-secret-rbac-for-tenants",
    level: "mandatory",
    urn: urnOf("kubernetes:rbac.authorization.k8s.io/v1:Role", "role:kominfo-portal:tenant-operator"),
    message: "<{%reset%}>Role grants secrets to a tenant group; remove the rule.<{%reset%}>",
  }),
  policyEvent(2, { policy: "pinned-images", level: "advisory", message: "image is not pinned by digest" }),
  diagnosticEvent(3, "warning", `provider echoed ${PLANTED_CONFIG} in a warning`),
  diagnosticEvent(4, "debug", "debug is never kept"),
].join("\n");

function render(stepsInOrder = steps, eventsText = events) {
  const preview = parseSavedPreview(previewJson(stepsInOrder, { "baubau:planted": "[secret]" }), eventsText);
  return renderReport({ stack: "twin", preview, planHash: "ab".repeat(32), base: "inventory/ at git HEAD" }, [
    PLANTED_CONFIG,
  ]);
}

describe("report contents", () => {
  const { markdown, html } = render();

  it("says RBAC was widened, with what was granted, sensitive grants marked", () => {
    expect(markdown).toContain(
      "**RBAC widened:** Role `kominfo-portal/tenant-operator` (dc-prod); grants added: `core/secrets:get` **(sensitive)**",
    );
    expect(markdown).toMatch(
      /RoleBinding `kominfo-portal\/tenant-operator` \(dc-prod\) now binds `ClusterRole\/admin` instead of `Role\/tenant-operator`; subjects added: `Group:opd:all`/,
    );
  });

  it("says a Service became reachable from outside", () => {
    expect(markdown).toContain(
      "**Exposed:** Service `kominfo-portal/portal` becomes reachable from outside the cluster (type LoadBalancer)",
    );
  });

  it("lists policy violations, mandatory first, and blocks the change", () => {
    const rows = markdown
      .split("\n")
      .filter((l) => l.startsWith("| **mandatory**") || l.startsWith("| advisory"));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain(
      "`baubau-policy/no-secret-rbac-for-tenants` | `Role kominfo-portal/tenant-operator` | Role grants secrets to a tenant group; remove the rule.",
    );
    expect(markdown).toContain("⛔ **Blocked: 1 mandatory policy violation(s)");
    expect(html).toContain('<p class="verdict blocked">');
  });

  it("names services newly public and tenants removed, from the domain diff", () => {
    const preview = parseSavedPreview(previewJson(steps), "");
    const domain = {
      sites: [],
      targets: [],
      tenants: [{ id: "dinkes", name: "Dinas Kesehatan", change: "removed" as const }],
      services: [
        {
          id: "perizinan-online",
          name: "Perizinan online",
          tenant: "dpmptsp",
          change: "newly-public" as const,
          host: "perizinan.baubaukota.go.id",
        },
      ],
    };
    const out = renderReport({ stack: "twin", preview, domain }).markdown;
    expect(out).toContain(
      "- **Newly public:** Perizinan online (`perizinan-online`, dpmptsp) at `perizinan.baubaukota.go.id`",
    );
    expect(out).toContain("- **Tenant removed:** Dinas Kesehatan (`dinkes`)");
  });

  it("carries the plan's hash", () => {
    expect(markdown).toContain(`Plan \`sha256:${"ab".repeat(32)}\``);
  });
});

describe("redaction", () => {
  const { markdown, html } = render();
  it("no planted secret, from config or from resource inputs, appears in either rendering", () => {
    for (const out of [markdown, html]) {
      expect(out).not.toContain(PLANTED_CONFIG);
      expect(out).not.toContain(PLANTED_INPUT);
      expect(out).not.toContain("MIIEvQIBADANBgkqhkiG9w0BAQEFAASC");
    }
    expect(markdown).toContain("provider echoed \\[secret\\] in a warning");
    expect(html).toContain("provider echoed [secret] in a warning");
    expect(markdown).not.toContain("debug is never kept");
  });

  it("scrubs JSON-escaped and multi-line forms and credential-shaped text", () => {
    const kubeconfig =
      "apiVersion: v1\nclient-key-data: c2VjcmV0LWtleS1kYXRhLXRoYXQtaXMtbG9uZy1lbm91Z2gtdG8tbWF0dGVy\n";
    expect(redact(JSON.stringify({ kubeconfig }), [kubeconfig])).toBe('{"kubeconfig":"[secret]"}');
    expect(redact(`x ${PEM} y`)).toBe("x [secret] y");
    expect(redact(`hash ${"0123456789abcdef".repeat(4)}`)).toBe(`hash ${"0123456789abcdef".repeat(4)}`);
  });
});

describe("determinism", () => {
  it("the same saved preview renders to the same bytes, whatever order the steps and events came in", () => {
    const a = render();
    const b = render([...steps].reverse(), events.split("\n").reverse().join("\n"));
    expect(b.markdown).toBe(a.markdown);
    expect(b.html).toBe(a.html);
  });
});

describe("bad saved previews", () => {
  it("names the file, the line and the field", () => {
    expect(() => parseSavedPreview("{", "")).toThrow(/preview\.json: not JSON/);
    expect(() => parseSavedPreview('{"steps":[{"op":1}]}', "")).toThrow(/preview\.json: steps\.0\.op: /);
    expect(() => parseSavedPreview("{}", '{"sequence":1}\nnope')).toThrow(SavedPreviewError);
    expect(() => parseSavedPreview("{}", '{"sequence":1}\nnope')).toThrow(/events\.jsonl:2: not JSON/);
    expect(() => parseSavedPreview("{}", '{"sequence":1,"policyEvent":{"message":"m"}}')).toThrow(
      /events\.jsonl:1: policyEvent\.policyName: /,
    );
  });
});
