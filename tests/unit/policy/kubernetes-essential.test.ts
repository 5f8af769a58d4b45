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

const hpa = (spec: Record<string, unknown>, namespace = "dpmptsp") =>
  k8s("autoscaling/v2:HorizontalPodAutoscaler", { metadata: { name: "perizinan", namespace }, spec }, "hpa");
const scales = (name: string, minReplicas?: number) => ({
  scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name },
  ...(minReplicas === undefined ? {} : { minReplicas }),
  maxReplicas: 6,
});
const messages = async (resources: ReturnType<typeof k8s>[]) =>
  (await stackViolations(essentialReplicas, resources)).map((f) => f.message);

describe("k8s-essential-replicas", () => {
  it("passes two replicas, and services that are not essential", async () => {
    expect(await messages([essential()])).toEqual([]);
    const single = essential((m) => {
      m.spec.replicas = 1;
    }, false);
    expect(await messages([single])).toEqual([]);
  });

  it("reports an essential public service with one replica (also when replicas is left out)", async () => {
    const single = essential((m) => {
      delete m.spec.replicas;
    });
    expect(await stackViolations(essentialReplicas, [single])).toEqual([
      {
        urn: single.urn,
        message:
          "Deployment dpmptsp/perizinan is an essential public service with 1 replica(s): set spec.replicas to at least 2",
      },
    ]);
  });

  it("counts the autoscaler's minReplicas for a Deployment an HPA scales (which leaves spec.replicas out)", async () => {
    const autoscaled = essential((m) => {
      delete m.spec.replicas;
    });
    expect(await messages([autoscaled, hpa(scales("perizinan", 2))])).toEqual([]);
    // The API's default of 1 in a preview's output does not count: the HPA owns the field.
    const defaulted = essential((m) => {
      m.spec.replicas = 1;
    });
    expect(await messages([defaulted, hpa(scales("perizinan", 3))])).toEqual([]);
    // An autoscaler that may go down to one replica (minReplicas left out means 1) is reported.
    for (const min of [1, undefined])
      expect(await messages([autoscaled, hpa(scales("perizinan", min))]), String(min)).toEqual([
        "Deployment dpmptsp/perizinan is an essential public service with 1 replica(s): set minReplicas of " +
          "HorizontalPodAutoscaler dpmptsp/perizinan to at least 2",
      ]);
    // An HPA of another Deployment, or in another namespace, does not scale this one.
    for (const other of [hpa(scales("other", 3)), hpa(scales("perizinan", 3), "other")])
      expect(await messages([autoscaled, other])).toEqual([
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
