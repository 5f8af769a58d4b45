// The whole chain with the real engines: Pulumi CLI + language host + Kubernetes provider
// against the twin's real kube-apiserver.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kubectl } from "../../twin/kwok.ts";
import { createTestStack, type TestStack, tenantNamespaceOnTwin } from "./helpers/pulumi-stack.ts";

const CLUSTER = "dc-prod";

describe("first deployment to the twin", () => {
  let t: TestStack;
  let log = "";
  const onOutput = (s: string) => {
    log += s;
  };

  beforeAll(async () => {
    t = await createTestStack();
  });

  afterAll(async () => {
    await t?.dispose();
  });

  it("pulumi up creates the namespace and a Deployment that becomes Available", async () => {
    const result = await t.stack.up({ onOutput });
    expect(result.summary.result, log).toBe("succeeded");
    expect(result.summary.resourceChanges?.create).toBe(16);

    const ns = `${t.prefix}kominfo-portal`;
    const nsJson = JSON.parse(await kubectl(CLUSTER, ["get", "namespace", ns, "-o", "json"]));
    expect(nsJson.metadata.labels["pod-security.kubernetes.io/enforce"]).toBe("restricted");

    const dep = JSON.parse(
      await kubectl(CLUSTER, ["get", "deployment", "portal-informasi", "-n", ns, "-o", "json"]),
    );
    const available = dep.status.conditions.find((c: { type: string }) => c.type === "Available");
    expect(available?.status).toBe("True");
    expect(dep.status.readyReplicas).toBe(2);

    const pods = JSON.parse(await kubectl(CLUSTER, ["get", "pods", "-n", ns, "-o", "json"]));
    const nodes = new Set(pods.items.map((p: { spec: { nodeName: string } }) => p.spec.nodeName));
    // Scheduled onto the inventory's worker servers, never the tainted control planes.
    for (const node of nodes) expect(String(node)).toMatch(/^prod-worker-\d+$/);
    expect(result.outputs.deployments?.value).toEqual([`${ns}/portal-informasi`]);
  });

  it("the OPD's team may read and scale its workloads but not read secrets or change policies", async () => {
    const ns = `${t.prefix}kominfo-portal`;
    const canI = async (verb: string, resource: string) =>
      (
        await kubectl(CLUSTER, [
          "auth",
          "can-i",
          verb,
          resource,
          "-n",
          ns,
          "--as=alice",
          "--as-group=opd:diskominfo",
        ]).catch((e: Error) => e.message)
      ).trim();
    expect(await canI("list", "pods")).toBe("yes");
    expect(await canI("patch", "deployments.apps")).toBe("yes");
    expect(await canI("get", "secrets")).toMatch(/no$/);
    expect(await canI("delete", "networkpolicies.networking.k8s.io")).toMatch(/no$/);
    expect(await canI("create", "rolebindings.rbac.authorization.k8s.io")).toMatch(/no$/);
  });

  it("the namespace refuses a pod that breaks Pod Security restricted", async () => {
    const ns = `${t.prefix}kominfo-portal`;
    const attempt = kubectl(CLUSTER, [
      "run",
      "root-shell",
      "-n",
      ns,
      "--image=busybox",
      "--privileged",
      "--restart=Never",
    ]);
    await expect(attempt).rejects.toThrow(/violates PodSecurity "restricted:latest"/);
  });

  it("a second pulumi up changes nothing", async () => {
    const preview = await t.stack.preview({ expectNoChanges: true, onOutput });
    expect(Object.keys(preview.changeSummary).sort()).toEqual(["same"]);
    const result = await t.stack.up({ expectNoChanges: true, onOutput });
    expect(result.summary.resourceChanges).toEqual({ same: result.summary.resourceChanges?.same });
  });

  it("pulumi destroy leaves nothing behind", async () => {
    const result = await t.stack.destroy({ onOutput });
    expect(result.summary.result).toBe("succeeded");
    expect(await tenantNamespaceOnTwin(t)).toBe("");
    const state = await t.stack.exportStack();
    expect(state.deployment.resources ?? []).toEqual([]);
  });
});
