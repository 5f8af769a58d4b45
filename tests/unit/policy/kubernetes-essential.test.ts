// Essential public services: replicas, a hard spread across racks, and a disruption budget.
import { describe, expect, it } from "vitest";
import {
  ESSENTIAL_ANNOTATION,
  essentialDisruptionBudget,
  essentialRackSpread,
  essentialReplicas,
} from "../../../policy/kubernetes/essential.ts";
import { smartService } from "./chart-fixtures.ts";
import { fromManifest, k8s, resourceViolations, stackViolations } from "./harness.ts";

const chartDeployment = smartService({
  name: "perizinan",
  namespace: "dpmptsp",
  tenant: "dpmptsp",
  image: "registry.baubaukota.go.id/dpmptsp/perizinan:2.1.0",
  port: 8080,
  replicas: 2,
  resources: { cpu: "250m", memory: "256Mi" },
  audience: "public",
}).find((m) => m.kind === "Deployment");
if (!chartDeployment) throw new Error("smart-service chart rendered no Deployment");

const selector = {
  matchLabels: { "app.kubernetes.io/name": "perizinan", "app.kubernetes.io/component": "smart-service" },
};
const hardSpread = {
  maxSkew: 1,
  topologyKey: "smartcity.baubaukota.go.id/rack",
  whenUnsatisfiable: "DoNotSchedule",
  labelSelector: selector,
};

/** The chart's Deployment, marked essential, changed by `edit`. */
function essential(edit: (m: Record<string, any>) => void = () => {}, mark = true) {
  const m = structuredClone(chartDeployment) as Record<string, any>;
  if (mark) m.metadata.annotations[ESSENTIAL_ANNOTATION] = "true";
  m.spec.template.spec.topologySpreadConstraints = [hardSpread];
  edit(m);
  return fromManifest(m as typeof chartDeployment & object);
}

const pdb = (spec: Record<string, unknown>, namespace = "dpmptsp") =>
  k8s("policy/v1:PodDisruptionBudget", { metadata: { name: "perizinan", namespace }, spec }, "pdb");

describe("k8s-essential-replicas", () => {
  it("passes two replicas, and services that are not essential", async () => {
    expect(await resourceViolations(essentialReplicas, essential())).toEqual([]);
    const single = essential((m) => {
      m.spec.replicas = 1;
    }, false);
    expect(await resourceViolations(essentialReplicas, single)).toEqual([]);
  });

  it("reports an essential public service with one replica (also when replicas is left out)", async () => {
    const single = essential((m) => {
      delete m.spec.replicas;
    });
    expect(await resourceViolations(essentialReplicas, single)).toEqual([
      "Deployment dpmptsp/perizinan is an essential public service with 1 replica(s): set spec.replicas to at least 2",
    ]);
  });
});

describe("k8s-essential-rack-spread", () => {
  it("passes a DoNotSchedule spread on racks, or required anti-affinity on zones", async () => {
    expect(await resourceViolations(essentialRackSpread, essential())).toEqual([]);
    const anti = essential((m) => {
      const pod = m.spec.template.spec;
      pod.topologySpreadConstraints = [];
      pod.affinity = {
        podAntiAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [
            { topologyKey: "topology.kubernetes.io/zone", labelSelector: selector },
          ],
        },
      };
    });
    expect(await resourceViolations(essentialRackSpread, anti)).toEqual([]);
  });

  it("reports the chart's ScheduleAnyway preference, a spread by hostname and one that selects other pods", async () => {
    for (const constraint of [
      { ...hardSpread, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "ScheduleAnyway" },
      { ...hardSpread, topologyKey: "kubernetes.io/hostname" },
      { ...hardSpread, labelSelector: { matchLabels: { "app.kubernetes.io/name": "other" } } },
    ]) {
      const v = await resourceViolations(
        essentialRackSpread,
        essential((m) => {
          m.spec.template.spec.topologySpreadConstraints = [constraint];
        }),
      );
      expect(v, JSON.stringify(constraint)).toEqual([
        expect.stringMatching(
          /^Deployment dpmptsp\/perizinan is an essential public service that may land on one rack: add a topologySpreadConstraint with topologyKey smartcity.baubaukota.go.id\/rack/,
        ),
      ]);
    }
  });
});

describe("k8s-essential-pdb", () => {
  it("passes a budget selecting the pods with minAvailable 1 or maxUnavailable 1 of 2", async () => {
    expect(
      await stackViolations(essentialDisruptionBudget, [essential(), pdb({ selector, minAvailable: 1 })]),
    ).toEqual([]);
    expect(
      await stackViolations(essentialDisruptionBudget, [essential(), pdb({ selector, maxUnavailable: 1 })]),
    ).toEqual([]);
  });

  it("reports no budget, a budget in another namespace, and one that lets every pod go", async () => {
    const d = essential();
    for (const budgets of [
      [],
      [pdb({ selector, minAvailable: 1 }, "other")],
      [pdb({ selector, maxUnavailable: "100%" })],
    ]) {
      const v = await stackViolations(essentialDisruptionBudget, [d, ...budgets]);
      expect(v).toEqual([
        {
          urn: d.urn,
          message:
            "Deployment dpmptsp/perizinan is an essential public service without a PodDisruptionBudget: add one in " +
            "namespace dpmptsp selecting its pods with minAvailable: 1 (or maxUnavailable below 2)",
        },
      ]);
    }
  });
});
