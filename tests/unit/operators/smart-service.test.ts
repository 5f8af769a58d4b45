import { describe, expect, it } from "vitest";
import {
  operatorClusterRules,
  operatorManifests,
  SMART_SERVICE_CHILD_KINDS,
} from "../../../charts/operator.ts";
import { APPLIED_ANNOTATION, OWNER_LABEL, type SmartService } from "../../../operators/smart-service/api.ts";
import { covers, renderChildren, type SmartServiceSpec } from "../../../operators/smart-service/render.ts";
import { desiredStatus } from "../../../operators/smart-service/status.ts";

const ss: SmartService<SmartServiceSpec> = {
  apiVersion: "smartcity.baubaukota.go.id/v1alpha1",
  kind: "SmartService",
  metadata: { name: "pengaduan", namespace: "kominfo", uid: "u-1", generation: 3 },
  spec: {
    name: "Pengaduan masyarakat",
    tenant: "diskominfo",
    kind: "public",
    area: "complaints",
    phase: "II",
    essential: true,
    status: "online",
    classification: "terbatas",
    personalData: true,
    hosting: "datacenter",
    workload: {
      cluster: "dc-prod",
      image: "registry.baubaukota.go.id/diskominfo/pengaduan:1.7.0",
      port: 8080,
      replicas: 2,
      resources: { requests: { cpu: "200m", memory: "256Mi" }, limits: { cpu: "500m", memory: "512Mi" } },
      host: "pengaduan.baubaukota.go.id",
      sloTarget: 0.995,
      dependsOn: [],
    },
  },
};

describe("rendering a SmartService", () => {
  it("gives every child an owner reference, the owner label and a digest of its rendering", () => {
    const children = renderChildren(ss);
    // An essential public service with a host: its PodDisruptionBudget and Ingress too.
    expect(children.map((c) => c.kind).sort()).toEqual([
      "Deployment",
      "Ingress",
      "NetworkPolicy",
      "PodDisruptionBudget",
      "Service",
      "ServiceAccount",
    ]);
    for (const c of children) {
      expect(c.metadata.namespace).toBe("kominfo");
      expect(c.metadata.labels?.[OWNER_LABEL]).toBe("pengaduan");
      expect(c.metadata.annotations?.[APPLIED_ANNOTATION]).toMatch(/^[0-9a-f]{16}$/);
      expect((c.metadata as { ownerReferences?: unknown[] }).ownerReferences).toEqual([
        {
          apiVersion: "smartcity.baubaukota.go.id/v1alpha1",
          kind: "SmartService",
          name: "pengaduan",
          uid: "u-1",
          controller: true,
          blockOwnerDeletion: true,
        },
      ]);
    }
  });

  it("the digest follows the rendering: same spec same digest, changed spec changed digest", () => {
    const digest = (s: SmartService<SmartServiceSpec>) =>
      renderChildren(s).find((c) => c.kind === "Deployment")?.metadata.annotations?.[APPLIED_ANNOTATION];
    expect(digest(ss)).toBe(digest(structuredClone(ss)));
    expect(digest({ ...ss, spec: { ...ss.spec, workload: { ...ss.spec.workload, replicas: 3 } } })).not.toBe(
      digest(ss),
    );
  });

  it("refuses an object without uid (an owner reference needs one)", () => {
    expect(() => renderChildren({ ...ss, metadata: { name: "x", namespace: "y" } })).toThrow(/uid/);
  });
});

describe("covers: would applying change anything", () => {
  it("is true when every wanted field has the same value, whatever else the live object has", () => {
    const live = {
      spec: { replicas: 2, paused: false, template: { ports: [{ port: 80, protocol: "TCP" }] } },
      status: {},
    };
    expect(covers(live, { spec: { replicas: 2, template: { ports: [{ port: 80 }] } } })).toBe(true);
  });

  it("is false on a changed value, a missing field or a list of another length", () => {
    const live = { spec: { replicas: 5, ports: [{ port: 80 }] } };
    expect(covers(live, { spec: { replicas: 2 } })).toBe(false);
    expect(covers(live, { spec: { selector: { a: "b" } } })).toBe(false);
    expect(covers(live, { spec: { ports: [{ port: 80 }, { port: 81 }] } })).toBe(false);
    expect(covers(undefined, { a: 1 })).toBe(false);
  });
});

describe("status", () => {
  const base = { generation: 3, replicas: 2, children: ["Service/b", "Deployment/a"] };
  const deployment = (available: number, observed = 1) => ({
    metadata: { generation: 1 },
    status: { observedGeneration: observed, updatedReplicas: available, availableReplicas: available },
  });

  it("is Progressing until every replica is available, then Ready/Available; children sorted", () => {
    const progressing = desiredStatus({ ...base, deployment: deployment(1) }, undefined, "t1");
    expect(progressing.conditions?.map((c) => [c.type, c.status, c.reason])).toEqual([
      ["Ready", "False", "Progressing"],
      ["Reconciling", "True", "Progressing"],
      ["Stalled", "False", "NotStalled"],
    ]);
    expect(progressing.observedGeneration).toBe(3);
    expect(progressing.children).toEqual(["Deployment/a", "Service/b"]);
    const ready = desiredStatus({ ...base, deployment: deployment(2) }, progressing, "t2");
    expect(ready.conditions?.map((c) => [c.type, c.status, c.reason, c.lastTransitionTime])).toEqual([
      ["Ready", "True", "Available", "t2"],
      ["Reconciling", "False", "Reconciled", "t2"],
      ["Stalled", "False", "NotStalled", "t1"],
    ]);
    expect(ready.availableReplicas).toBe(2);
  });

  it("a Deployment whose controller has not seen its latest generation is not Ready", () => {
    const s = desiredStatus({ ...base, deployment: deployment(2, 0) }, undefined, "t");
    expect(s.conditions?.[0]?.status).toBe("False");
  });

  it("an autoscaled Deployment: not Ready at the API's default of 1; Ready at the floor while the HPA adds pods above it", () => {
    // The chart leaves spec.replicas to the autoscaler: created at 1, raised by the HPA to minReplicas (2).
    const autoscaled = (specReplicas: number, updated: number, available: number) => ({
      metadata: { generation: 1 },
      spec: { replicas: specReplicas },
      status: { observedGeneration: 1, updatedReplicas: updated, availableReplicas: available },
    });
    const ready = (d: ReturnType<typeof autoscaled>) =>
      desiredStatus({ ...base, deployment: d }, undefined, "t").conditions?.[0]?.status;
    expect(ready(autoscaled(1, 1, 1))).toBe("False");
    expect(ready(autoscaled(2, 2, 2))).toBe("True");
    // Scaled to 4 by the HPA: two more pods created (updated), not yet available; the service still serves.
    expect(ready(autoscaled(4, 4, 2))).toBe("True");
    // A rollout the Deployment has not finished (fewer updated pods than it wants) is not Ready.
    expect(ready(autoscaled(4, 3, 4))).toBe("False");
  });

  it("a stalled SmartService says why, and is neither Ready nor Reconciling", () => {
    const s = desiredStatus(
      { ...base, stalled: { reason: "ApplyRejected", message: "422: bad" } },
      undefined,
      "t",
    );
    expect(s.conditions?.map((c) => [c.type, c.status, c.reason])).toEqual([
      ["Ready", "False", "ApplyRejected"],
      ["Reconciling", "False", "ApplyRejected"],
      ["Stalled", "True", "ApplyRejected"],
    ]);
  });
});

describe("the operator's production manifests", () => {
  const manifests = operatorManifests({ image: "registry.baubaukota.go.id/platform/operator:0.1.0" });
  const of = (kind: string) => manifests.filter((m) => m.kind === kind);

  it("grant exactly what reconciling needs: no secrets, no RBAC, no wildcards, no SmartService writes", () => {
    const rules = operatorClusterRules() as { apiGroups: string[]; resources: string[]; verbs: string[] }[];
    const flat = rules.flatMap((r) =>
      r.resources.flatMap((res) => r.verbs.map((v) => `${r.apiGroups[0]}/${res}:${v}`)),
    );
    expect(flat.some((f) => f.includes("*"))).toBe(false);
    expect(flat.some((f) => f.includes("secrets") || f.includes("rbac"))).toBe(false);
    expect(flat.filter((f) => f.includes("/smartservices:")).sort()).toEqual([
      "smartcity.baubaukota.go.id/smartservices:get",
      "smartcity.baubaukota.go.id/smartservices:list",
      "smartcity.baubaukota.go.id/smartservices:watch",
    ]);
    for (const k of SMART_SERVICE_CHILD_KINDS) {
      const g = k.apiVersion.includes("/") ? k.apiVersion.split("/")[0] : "";
      for (const v of ["watch", "create", "patch", "delete"]) expect(flat).toContain(`${g}/${k.plural}:${v}`);
    }
    const [role] = of("Role") as unknown as { rules: { resourceNames?: string[]; verbs: string[] }[] }[];
    expect(role?.rules.find((r) => r.verbs.includes("update"))?.resourceNames).toEqual([
      "smartservice-operator",
    ]);
  });

  it("run two replicas, Pod Security restricted, behind default-deny NetworkPolicies", () => {
    const [ns] = of("Namespace");
    expect(ns?.metadata.labels?.["pod-security.kubernetes.io/enforce"]).toBe("restricted");
    const [deploy] = of("Deployment") as unknown as {
      spec: { replicas: number; template: { spec: Record<string, never> } };
    }[];
    expect(deploy?.spec.replicas).toBe(2);
    const pod = deploy?.spec.template.spec as unknown as {
      securityContext: { runAsNonRoot: boolean };
      containers: { args: string[]; securityContext: Record<string, unknown> }[];
    };
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    expect(pod.containers[0]?.securityContext).toMatchObject({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ["ALL"] },
    });
    expect(pod.containers[0]?.args).toContain("--in-cluster");
    expect(of("NetworkPolicy").map((n) => n.metadata.name)).toContain("default-deny-all");
  });

  it("expose /metrics through a headless Service, so DNS discovery sees each replica", () => {
    const [svc] = of("Service") as unknown as { spec: { clusterIP?: string; ports: { port: number }[] } }[];
    expect(svc?.spec.clusterIP).toBe("None");
    expect(svc?.spec.ports.map((p) => p.port)).toEqual([8080]);
  });
});
