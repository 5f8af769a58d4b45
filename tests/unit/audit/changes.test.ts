// Ranking: deletions and replacements of stateful or security-relevant objects first, then the
// rest by risk and operation; one row per resource; components are not listed.
import { describe, expect, it } from "vitest";
import { changesOf, countByOperation } from "../../../audit/changes.ts";
import { parseSavedPreview } from "../../../audit/saved-preview.ts";
import { previewJson, step } from "./preview-fixture.ts";

const role = (verbs: string[]) => ({ rules: [{ apiGroups: [""], resources: ["pods"], verbs }] });

function ranked(steps: Record<string, unknown>[]) {
  return changesOf(parseSavedPreview(previewJson(steps), "").steps);
}

describe("changes ranked by risk", () => {
  const steps = [
    step({ op: "create", type: "kubernetes:core/v1:ConfigMap", name: "settings", namespace: "a", after: {} }),
    step({
      op: "update",
      type: "kubernetes:apps/v1:Deployment",
      name: "web",
      namespace: "a",
      before: {},
      after: {},
      diff: ["spec"],
    }),
    step({ op: "delete", type: "kubernetes:core/v1:Service", name: "old", namespace: "a", before: {} }),
    step({
      op: "update",
      type: "kubernetes:rbac.authorization.k8s.io/v1:Role",
      name: "ops",
      namespace: "a",
      before: role(["get"]),
      after: role(["get", "delete"]),
      diff: ["rules"],
    }),
    step({ op: "delete", type: "kubernetes:core/v1:Namespace", name: "b", before: {} }),
    step({
      op: "delete",
      type: "kubernetes:core/v1:ServiceAccount",
      name: "app",
      namespace: "b",
      before: {},
    }),
    step({
      op: "replace",
      type: "kubernetes:core/v1:PersistentVolumeClaim",
      name: "data",
      namespace: "a",
      before: {},
      after: {},
      replace: ["spec.storageClassName"],
    }),
    step({
      op: "create-replacement",
      type: "kubernetes:core/v1:PersistentVolumeClaim",
      name: "data",
      namespace: "a",
      before: {},
      after: {},
    }),
    step({
      op: "delete-replaced",
      type: "kubernetes:core/v1:PersistentVolumeClaim",
      name: "data",
      namespace: "a",
      before: {},
    }),
    step({
      op: "create",
      type: "kubernetes:networking.k8s.io/v1:NetworkPolicy",
      name: "deny",
      namespace: "a",
      after: {},
    }),
    step({
      op: "same",
      type: "kubernetes:core/v1:LimitRange",
      name: "lr",
      namespace: "a",
      before: {},
      after: {},
    }),
    step({ op: "create", type: "baubau:platform:TenantNamespace", name: "a", after: {}, custom: false }),
  ];

  it("puts deletions and replacements of namespaces and PVCs first, then RBAC, then the rest", () => {
    const order = ranked(steps).map((c) => `${c.risk} ${c.op} ${c.kind} ${c.objectName}`);
    expect(order).toEqual([
      "critical delete Namespace b",
      "critical delete ServiceAccount app",
      "critical replace PersistentVolumeClaim data",
      "high delete Service old",
      "high update Role ops",
      "medium update Deployment web",
      "medium create NetworkPolicy deny",
      "low create ConfigMap settings",
      "low same LimitRange lr",
    ]);
  });

  it("counts one change per resource and keeps the reasons of a replacement", () => {
    const changes = ranked(steps);
    expect(countByOperation(changes)).toMatchObject({ delete: 3, replace: 1, update: 2, create: 2, same: 1 });
    const pvc = changes.find((c) => c.kind === "PersistentVolumeClaim");
    expect(pvc?.replaceKeys).toEqual(["spec.storageClassName"]);
    expect(pvc?.namespace).toBe("a");
    expect(pvc?.provider).toBe("dc-prod-provider");
  });

  it("does not depend on the order the engine reported the steps in", () => {
    const forward = ranked(steps).map((c) => c.urn);
    expect(ranked([...steps].reverse()).map((c) => c.urn)).toEqual(forward);
  });
});
