// The cdk8s charts: snapshots of what each renders (reviewed like code), and the security defaults
// asserted one by one on every service of the real catalog, so a change that weakens one fails here
// and not only in a snapshot diff.
import { beforeAll, describe, expect, it } from "vitest";
import { clusterBaseline } from "../../../charts/cluster-baseline.ts";
import { fiberLinkObject, fiberSiteObject } from "../../../charts/fiber-objects.ts";
import { callsLabel, type Manifest } from "../../../charts/labels.ts";
import { tenantQuota } from "../../../charts/quota.ts";
import { autoscaled, serviceWorkload } from "../../../charts/service-workload.ts";
import { PUBLIC_LABEL, tenantPlatform } from "../../../charts/tenant-platform.ts";
import { loadInventory } from "../../../model/load/index.ts";
import type { Inventory, Service, ServiceWorkload } from "../../../model/types.ts";

type Obj = Manifest & { spec?: any; rules?: any[] };
let inventory: Inventory;
let running: (Service & { workload: ServiceWorkload })[];

beforeAll(async () => {
  const loaded = await loadInventory(new URL("../../../inventory", import.meta.url).pathname);
  if (!loaded.ok) throw new Error("the real inventory must load");
  inventory = loaded.inventory;
  running = inventory.services.filter(
    (s): s is Service & { workload: ServiceWorkload } => s.workload !== undefined,
  );
});

const byKind = (ms: Obj[], kind: string) => ms.filter((m) => m.kind === kind);
const svc = (id: string) => {
  const s = running.find((x) => x.id === id);
  if (!s) throw new Error(`no service ${id} with a workload`);
  return s;
};
const platform = (publicIngress = true) =>
  tenantPlatform({
    namespace: "dpmptsp",
    tenant: "dpmptsp",
    classification: "terbatas",
    quota: { cpu: "8000m", memory: "8192Mi", pods: 8 },
    publicIngress,
    monitoringNamespace: "monitoring",
    ingressNamespace: "ingress-nginx",
  }) as Obj[];

describe("snapshots", () => {
  it("tenant platform", () => expect(platform()).toMatchSnapshot());
  it("cluster baseline of the management cluster", () =>
    expect(clusterBaseline({ cluster: "dc-mgmt", fiberNetwork: true })).toMatchSnapshot());
  it("an essential public service with a host and autoscaling", () =>
    expect(serviceWorkload(svc("perizinan-online"), { namespace: "dpmptsp" })).toMatchSnapshot());
  it("an internal service", () =>
    expect(serviceWorkload(svc("smart-office"), { namespace: "diskominfo" })).toMatchSnapshot());
  it("a fiber site and link", () => {
    expect(fiberSiteObject(inventory.sites[0] as never)).toMatchSnapshot();
    expect(fiberLinkObject(inventory.links[0] as never)).toMatchSnapshot();
  });
});

describe("tenant platform", () => {
  it("enforces Pod Security restricted and labels the data classification", () => {
    const [ns] = byKind(platform(), "Namespace");
    expect(ns?.metadata.labels).toMatchObject({
      "pod-security.kubernetes.io/enforce": "restricted",
      "smartcity.baubaukota.go.id/classification": "terbatas",
    });
  });

  it("denies all ingress and egress, then opens DNS, the monitoring scrape and (for public services) the ingress controller", () => {
    const policies = byKind(platform(), "NetworkPolicy");
    expect(policies.find((p) => p.metadata.name === "default-deny-all")?.spec).toEqual({
      podSelector: {},
      policyTypes: ["Ingress", "Egress"],
    });
    expect(policies.map((p) => p.metadata.name)).toEqual([
      "default-deny-all",
      "allow-dns-egress",
      "allow-monitoring-scrape",
      "allow-ingress-controller",
    ]);
    const ingress = policies.find((p) => p.metadata.name === "allow-ingress-controller");
    expect(ingress?.spec.podSelector).toEqual({ matchLabels: { [PUBLIC_LABEL]: "true" } });
    expect(byKind(platform(false), "NetworkPolicy").map((p) => p.metadata.name)).not.toContain(
      "allow-ingress-controller",
    );
  });

  it("gives the team and the auditors roles without secrets, wildcards or writes beyond scaling", () => {
    const roles = byKind(platform(), "Role");
    for (const role of roles) {
      for (const rule of role.rules ?? []) {
        expect(rule.resources).not.toContain("secrets");
        expect(rule.resources).not.toContain("*");
        expect(rule.verbs).not.toContain("*");
        expect(rule.apiGroups).not.toContain("*");
      }
    }
    const auditor = roles.find((r) => r.metadata.name === "tenant-auditor");
    const verbs = new Set(auditor?.rules?.flatMap((r) => r.verbs));
    expect([...verbs].sort()).toEqual(["get", "list", "watch"]);
    const team = roles.find((r) => r.metadata.name === "tenant-operator");
    const writes = team?.rules?.filter((r) =>
      r.verbs.some((v: string) => !["get", "list", "watch"].includes(v)),
    );
    expect(writes).toEqual([
      { apiGroups: ["apps"], resources: ["deployments", "deployments/scale"], verbs: ["patch"] },
    ]);
    const bindings = byKind(platform(), "RoleBinding").map((b) => (b as any).subjects[0].name);
    expect(bindings).toEqual(["opd:dpmptsp", "baubau:auditors"]);
  });

  it("names every object explicitly, without hash suffixes", () => {
    for (const m of platform()) expect(m.metadata.name).toMatch(/^[a-z0-9-]+$/);
    expect(platform().map((m) => `${m.kind}/${m.metadata.name}`)).toContain("ResourceQuota/tenant-quota");
  });
});

describe("service workload, on every service of the catalog", () => {
  it("runs every container under Pod Security restricted, with requests and limits and no token", () => {
    for (const s of running) {
      const [dep] = byKind(serviceWorkload(s, { namespace: s.tenant }) as Obj[], "Deployment");
      const pod = dep?.spec.template.spec;
      expect(pod.automountServiceAccountToken, s.id).toBe(false);
      expect(pod.securityContext).toMatchObject({
        runAsNonRoot: true,
        seccompProfile: { type: "RuntimeDefault" },
      });
      expect(pod.hostNetwork ?? false).toBe(false);
      expect(pod.volumes ?? []).toEqual([]);
      for (const c of pod.containers) {
        expect(c.securityContext).toEqual({
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ["ALL"] },
        });
        expect(c.resources.requests.cpu, s.id).toBe(s.workload.resources.requests.cpu);
        expect(c.resources.limits.memory, s.id).toBe(s.workload.resources.limits.memory);
        expect(c.image).toBe(s.workload.image);
        expect(c.image).not.toMatch(/:latest$/);
      }
    }
  });

  it("keeps selectors to stable, readable labels (no hashed selector)", () => {
    const [dep] = byKind(serviceWorkload(svc("ppid"), { namespace: "diskominfo" }) as Obj[], "Deployment");
    expect(dep?.spec.selector).toEqual({
      matchLabels: { "app.kubernetes.io/name": "ppid", "app.kubernetes.io/component": "smart-service" },
    });
  });

  it("exposes an Ingress only for public services with a host", () => {
    for (const s of running) {
      const ingresses = byKind(serviceWorkload(s, { namespace: s.tenant }) as Obj[], "Ingress");
      expect(ingresses.length, s.id).toBe(s.kind === "public" && s.workload.host ? 1 : 0);
      if (ingresses[0]) expect(ingresses[0].spec.tls[0].hosts).toEqual([s.workload.host]);
    }
  });

  it("gives essential services a PodDisruptionBudget and a hard spread across rack zones, the rest a soft one", () => {
    for (const s of running) {
      const ms = serviceWorkload(s, { namespace: s.tenant }) as Obj[];
      const spread = byKind(ms, "Deployment")[0]?.spec.template.spec.topologySpreadConstraints[0];
      expect(spread.topologyKey).toBe("topology.kubernetes.io/zone");
      expect(spread.whenUnsatisfiable, s.id).toBe(s.essential ? "DoNotSchedule" : "ScheduleAnyway");
      expect(byKind(ms, "PodDisruptionBudget").length, s.id).toBe(s.essential ? 1 : 0);
      expect(byKind(ms, "HorizontalPodAutoscaler").length, s.id).toBe(autoscaled(s.workload) ? 1 : 0);
    }
  });

  it("leaves the replica count to the autoscaler when it renders one, else sets the record's replicas", () => {
    const counts = { autoscaled: 0, fixed: 0 };
    for (const s of running) {
      const ms = serviceWorkload(s, { namespace: s.tenant }) as Obj[];
      const [dep] = byKind(ms, "Deployment");
      const [hpa] = byKind(ms, "HorizontalPodAutoscaler");
      if (hpa) {
        counts.autoscaled++;
        // One owner per field: a fixed spec.replicas would be set back by every apply.
        expect(dep?.spec, s.id).not.toHaveProperty("replicas");
        expect(hpa.spec.minReplicas, s.id).toBe(s.workload.replicas);
        expect(hpa.spec.scaleTargetRef, s.id).toEqual({
          apiVersion: "apps/v1",
          kind: "Deployment",
          name: dep?.metadata.name,
        });
      } else {
        counts.fixed++;
        expect(dep?.spec.replicas, s.id).toBe(s.workload.replicas);
      }
    }
    // The catalog has both kinds, so both branches ran.
    expect(counts.autoscaled).toBeGreaterThan(0);
    expect(counts.fixed).toBeGreaterThan(0);
    // A ceiling equal to the floor is no autoscaler: the Deployment keeps its count.
    const s = svc("pengaduan");
    const flat = serviceWorkload(
      { ...s, workload: { ...s.workload, maxReplicas: s.workload.replicas } },
      {
        namespace: "x",
      },
    ) as Obj[];
    expect(byKind(flat, "HorizontalPodAutoscaler")).toEqual([]);
    expect(byKind(flat, "Deployment")[0]?.spec.replicas).toBe(s.workload.replicas);
  });

  it("admits only the services that declare they call it, and lets it call its dependencies", () => {
    const ms = serviceWorkload(svc("perizinan-online"), { namespace: "dpmptsp" }) as Obj[];
    const [policy] = byKind(ms, "NetworkPolicy");
    expect(policy?.spec.ingress[0].from).toEqual([
      { namespaceSelector: {}, podSelector: { matchLabels: { [callsLabel("perizinan-online")]: "true" } } },
    ]);
    expect(policy?.spec.egress[0].to[0].podSelector).toEqual({
      matchLabels: { "app.kubernetes.io/name": "satu-data-api" },
    });
    const labels = byKind(ms, "Deployment")[0]?.spec.template.metadata.labels;
    expect(labels[callsLabel("satu-data-api")]).toBe("true");
    expect(labels[PUBLIC_LABEL]).toBe("true");
  });

  it("is a pure function of the service record", () => {
    const s = svc("pengaduan");
    expect(serviceWorkload(structuredClone(s), { namespace: "x" })).toEqual(
      serviceWorkload(s, { namespace: "x" }),
    );
    const other = { ...s, workload: { ...s.workload, replicas: 3 } };
    expect(serviceWorkload(other, { namespace: "x" })).not.toEqual(serviceWorkload(s, { namespace: "x" }));
  });
});

describe("cluster baseline", () => {
  it("has the fiber CRDs only on the cluster that holds the network, with print columns", () => {
    const mgmt = clusterBaseline({ cluster: "dc-mgmt", fiberNetwork: true }) as Obj[];
    const crds = byKind(mgmt, "CustomResourceDefinition");
    expect(crds.map((c) => c.metadata.name)).toEqual([
      "fibersites.smartcity.baubaukota.go.id",
      "fiberlinks.smartcity.baubaukota.go.id",
    ]);
    const columns = crds[0]?.spec.versions[0].additionalPrinterColumns.map((c: { name: string }) => c.name);
    expect(columns).toEqual(["Category", "Kecamatan", "Status", "Medium", "Authority", "Age"]);
    const spec = crds[0]?.spec.versions[0].schema.openAPIV3Schema.properties.spec;
    expect(spec.properties.connection.properties.status.enum).toContain("operational");
    expect(
      byKind(
        clusterBaseline({ cluster: "dc-prod", fiberNetwork: false }) as Obj[],
        "CustomResourceDefinition",
      ),
    ).toEqual([]);
  });

  it("grants auditors read-only cluster access without secrets", () => {
    const [role] = byKind(
      clusterBaseline({ cluster: "dc-prod", fiberNetwork: false }) as Obj[],
      "ClusterRole",
    );
    for (const rule of role?.rules ?? []) {
      expect(rule.verbs).toEqual(["get", "list", "watch"]);
      expect(rule.resources).not.toContain("secrets");
    }
  });
});

describe("tenant quota", () => {
  it("is the services' limits at their ceiling plus one surge pod each", () => {
    const w = svc("perizinan-online").workload; // 1 cpu, 1Gi limits, maxReplicas 6
    expect(tenantQuota([w])).toEqual({ cpu: "7000m", memory: "7168Mi", pods: 7 });
    expect(tenantQuota([])).toEqual({ cpu: "500m", memory: "512Mi", pods: 4 });
  });
});
