// The Pulumi program under mocks: which components and resources it registers, with which parents,
// providers and names. (That it deploys is proven against the twin in tests/integration.)
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import * as pulumi from "@pulumi/pulumi";
import { beforeAll, describe, expect, it } from "vitest";
import { loadInventory } from "../../../model/load/index.ts";
import type { Inventory } from "../../../model/types.ts";
import { withAwaitChoice } from "../../../stacks/components/kubernetes-objects.ts";
import { deployedServices } from "../../../stacks/plan.ts";
import { ROOT } from "../../../toolchain/paths.ts";

interface Registered {
  type: string;
  name: string;
  inputs: Record<string, any>;
  provider?: string;
  parent?: string;
}
const registered: Registered[] = [];
let outputs: Record<string, unknown>;
let inventory: Inventory;

beforeAll(async () => {
  const loaded = await loadInventory(new URL("../../../inventory", import.meta.url).pathname);
  if (!loaded.ok) throw new Error("the real inventory must load");
  inventory = loaded.inventory;
  // Mocks first, then the program: it registers resources at import time.
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs, provider: args.provider });
        return { id: `${args.name}-id`, state: args.inputs };
      },
      call: () => ({}),
    },
    "baubau-smartcity",
    "unit",
    false,
  );
  pulumi.runtime.setAllConfig(
    {
      "baubau:kubeconfig-dc-prod": "apiVersion: v1\nkind: Config\n",
      "baubau:kubeconfig-dc-mgmt": "apiVersion: v1\nkind: Config\n",
      "baubau:namespacePrefix": "t-",
    },
    ["baubau:kubeconfig-dc-prod", "baubau:kubeconfig-dc-mgmt"],
  );
  const program = (await import("../../../stacks/index.ts")) as Record<string, unknown>;
  // Wait for every outstanding registration RPC to reach the mocks.
  await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
  outputs = program;
  // Loading the inventory, cdk8s-plus and the program take seconds on a loaded 2-core machine.
}, 120_000);

const ofType = (type: string) => registered.filter((r) => r.type === type);
const groups = () => ofType("kubernetes:yaml/v2:ConfigGroup");

describe("stacks/index.ts", () => {
  it("makes one DataCenter with both inventory clusters, each behind its own provider", () => {
    expect(ofType("baubau:dc:DataCenter").map((r) => r.name)).toEqual(["dc-palagimata"]);
    expect(
      ofType("baubau:dc:Cluster")
        .map((r) => r.name)
        .sort(),
    ).toEqual(["dc-mgmt", "dc-prod"]);
    expect(
      ofType("pulumi:providers:kubernetes")
        .map((r) => r.name)
        .sort(),
    ).toEqual(["dc-mgmt-provider", "dc-prod-provider"]);
  });

  it("raises each provider's client rate limit above its default of 50 requests/s (the bound of an up)", () => {
    const providers = ofType("pulumi:providers:kubernetes");
    expect(providers).toHaveLength(2);
    // Provider inputs travel as the provider's config, JSON strings, as the provider reads them.
    for (const p of providers)
      expect(JSON.parse(p.inputs.kubeClientSettings)).toEqual({ qps: 500, burst: 1000 });
  });

  it("makes a TenantNamespace for every tenant with a running service, and the platform namespaces on each cluster", () => {
    const running = deployedServices(inventory);
    const expected = [
      ...new Set(running.map((s) => `${s.workload.cluster}:t-${s.tenant}`)),
      ...["dc-mgmt", "dc-prod"].flatMap((c) =>
        ["baubau-system", "ingress-nginx", "monitoring"].map((n) => `${c}:t-${n}`),
      ),
    ].sort();
    expect(
      ofType("baubau:platform:TenantNamespace")
        .map((r) => r.name)
        .sort(),
    ).toEqual(expected);
  });

  it("makes a SmartService per running data-center service, none for planned, retired or national ones", () => {
    const names = ofType("baubau:services:SmartService")
      .map((r) => r.name)
      .sort();
    expect(names).toEqual(
      deployedServices(inventory)
        .map((s) => `${s.workload.cluster}:t-${s.tenant}/${s.id}`)
        .sort(),
    );
    const planned = inventory.services.filter((s) => s.status === "planned").map((s) => s.id);
    expect(planned.length).toBeGreaterThan(0);
    for (const id of planned) expect(names.some((n) => n.endsWith(`/${id}`))).toBe(false);
  });

  it("hands each component's objects to the provider as a ConfigGroup, child names prefixed with the cluster", () => {
    const workload = groups().find((g) => g.name === "dc-prod:t-dpmptsp/perizinan-online-workload");
    expect(workload?.inputs.resourcePrefix).toBe("dc-prod");
    const kinds = workload?.inputs.objs.map((o: { kind: string }) => o.kind);
    expect(kinds).toEqual([
      "ServiceAccount",
      "Deployment",
      "Service",
      "Ingress",
      "HorizontalPodAutoscaler",
      "PodDisruptionBudget",
      "NetworkPolicy",
    ]);
    for (const g of groups()) expect(g.provider, g.name).toMatch(/dc-(prod|mgmt)-provider/);
  });

  it("with kubeconfigs from secrets (production), awaits Ingress addresses and Service endpoints: no skipAwait", () => {
    const objs = groups().flatMap((g) => g.inputs.objs);
    for (const kind of ["Ingress", "Service", "Deployment"]) {
      const found = objs.filter((o: { kind: string }) => o.kind === kind);
      expect(found.length, kind).toBeGreaterThan(0);
      for (const o of found) expect(o.metadata.annotations?.["pulumi.com/skipAwait"], kind).toBeUndefined();
    }
  });

  it("puts one FiberSite or FiberLink object per inventory record on the management cluster, under a component each", () => {
    const objects = registered.filter((r) =>
      r.type.startsWith("kubernetes:smartcity.baubaukota.go.id/v1alpha1:Fiber"),
    );
    expect(objects.length).toBe(inventory.sites.length + inventory.links.length);
    for (const o of objects) expect(o.provider).toMatch(/dc-mgmt-provider/);
    const pops = inventory.sites.filter((s) => s.category === "pop" || s.category === "core").length;
    expect(ofType("baubau:network:PoP")).toHaveLength(pops);
    expect(ofType("baubau:network:Site")).toHaveLength(inventory.sites.length - pops);
    expect(ofType("baubau:network:Link")).toHaveLength(inventory.links.length);
    const site = objects.find((o) => o.name === "dc-mgmt:pop-wolio");
    expect(site?.inputs.spec.id).toBe("pop-wolio");
  });

  it("outputs coverage per target and category, sites by status and objects per layer", () => {
    const coverage = outputs.coverage as Record<string, any>;
    expect(coverage["fiber-phase-1"]).toMatchObject({ required: 0.7, met: false });
    expect(Object.keys(coverage["fiber-phase-1"].byCategory).sort()).toEqual(["opd", "puskesmas", "school"]);
    const sites = outputs.sites as Record<string, number>;
    expect(Object.values(sites).reduce((a, b) => a + b, 0)).toBe(inventory.sites.length);
    const layers = outputs.resourcesPerLayer as {
      baseline: number;
      platform: number;
      monitoring: number;
      services: number;
      network: number;
    };
    expect(layers.network).toBe(inventory.sites.length + inventory.links.length);
    const rendered = groups().reduce((n, g) => n + g.inputs.objs.length, 0);
    expect(layers.baseline + layers.platform + layers.monitoring + layers.services).toBe(rendered);
  });

  it("deploys the monitoring layer to the management cluster's monitoring namespace, after the namespace's policies", () => {
    const [layer] = ofType("baubau:monitoring:MonitoringLayer");
    expect(layer?.name).toBe("baubau-monitoring");
    const group = groups().find((g) => g.name === "baubau-monitoring-objects");
    expect(group?.provider).toMatch(/dc-mgmt-provider/);
    expect(group?.inputs.resourcePrefix).toBe("dc-mgmt");
    const objs = group?.inputs.objs as { kind: string; metadata: { name: string; namespace?: string } }[];
    expect(objs.length).toBe((outputs.resourcesPerLayer as { monitoring: number }).monitoring);
    for (const o of objs.filter((x) => !x.kind.startsWith("Cluster")))
      expect(o.metadata.namespace).toBe("t-monitoring");
    expect(
      objs
        .filter((o) => o.kind === "Deployment")
        .map((o) => o.metadata.name)
        .sort(),
    ).toEqual(["alertmanager", "blackbox-exporter", "kpi-exporter", "prometheus"]);
    // Cluster-scoped names carry the prefixed namespace, so parallel stacks on one cluster never collide.
    expect(objs.find((o) => o.kind === "ClusterRole")?.metadata.name).toBe("t-monitoring-prometheus-metrics");
  });
});

describe("monitoringImages (baubau:monitoringImages)", () => {
  it("defaults to the chart's pinned images and takes a per-image override", async () => {
    const { monitoringImages } = await import("../../../stacks/config.ts");
    const { MONITORING_IMAGES } = await import("../../../charts/monitoring-layer.ts");
    expect(monitoringImages(undefined)).toEqual(MONITORING_IMAGES);
    const image = "registry.baubaukota.go.id/platform/baubau-iac:0.2.0";
    expect(monitoringImages({ kpiExporter: image })).toEqual({ ...MONITORING_IMAGES, kpiExporter: image });
    const digest = `quay.io/prometheus/prometheus@sha256:${"a".repeat(64)}`;
    expect(monitoringImages({ prometheus: digest }).prometheus).toBe(digest);
  });

  it("refuses an unpinned image, :latest or an unknown key, naming the field and what is allowed", async () => {
    const { monitoringImages } = await import("../../../stacks/config.ts");
    expect(() => monitoringImages({ prometheus: "quay.io/prometheus/prometheus" })).toThrow(
      /baubau:monitoringImages\.prometheus: pinned by a tag or digest/,
    );
    expect(() => monitoringImages({ alertmanager: "quay.io/prometheus/alertmanager:latest" })).toThrow(
      /baubau:monitoringImages\.alertmanager: not :latest/,
    );
    expect(() => monitoringImages({ grafana: "grafana/grafana:11.0.0" })).toThrow(
      /allowed keys: prometheus, alertmanager, blackbox, kpiExporter/,
    );
  });
});

describe("withAwaitChoice", () => {
  const object = (kind: string) => ({
    apiVersion: "v1",
    kind,
    metadata: { name: "x", namespace: "n", labels: {}, annotations: { keep: "me" } },
  });
  const twin = { addresses: false, endpoints: false };

  it("on the twin skips the await of Ingresses and Services only, keeping their other annotations", () => {
    for (const kind of ["Ingress", "Service"]) {
      expect(withAwaitChoice(object(kind), twin).metadata.annotations).toEqual({
        keep: "me",
        "pulumi.com/skipAwait": "true",
      });
    }
    for (const kind of ["Deployment", "Namespace", "NetworkPolicy"]) {
      expect(withAwaitChoice(object(kind), twin).metadata.annotations).toEqual({ keep: "me" });
    }
  });

  it("follows each part of the choice on its own", () => {
    const addressesOnly = { addresses: true, endpoints: false };
    expect(withAwaitChoice(object("Ingress"), addressesOnly).metadata.annotations).toEqual({ keep: "me" });
    expect(withAwaitChoice(object("Service"), addressesOnly).metadata.annotations).toHaveProperty(
      "pulumi.com/skipAwait",
    );
  });
});

// Pulumi.yaml runs the program without tsx: every module it loads must be erasable TypeScript
// (tsconfig's erasableSyntaxOnly says so to tsc; this proves it to Node). Outside the engine the SDK
// registers nothing, so the program runs to its end and exits 0. The kubeconfigs come as the engine
// would pass config (PULUMI_CONFIG), so the test needs no twin.
describe("the program on Node's own type stripping, as the language host runs it", () => {
  it("loads every module and runs to the end", { timeout: 60_000 }, async () => {
    const kubeconfig = "apiVersion: v1\nkind: Config\n";
    const keys = ["baubau:kubeconfig-dc-prod", "baubau:kubeconfig-dc-mgmt"];
    const env = {
      ...process.env,
      PULUMI_CONFIG: JSON.stringify(Object.fromEntries(keys.map((k) => [k, kubeconfig]))),
      PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(keys),
    };
    const { stderr } = await promisify(execFile)(process.execPath, [join(ROOT, "stacks", "index.ts")], {
      cwd: ROOT,
      env,
    });
    expect(stderr).toBe("");
  });

  it("a module that is not erasable TypeScript stops it, so the test above could fail", async () => {
    const dir = await mkdtemp(join(tmpdir(), "baubau-strip-"));
    try {
      const file = join(dir, "enum.ts");
      await writeFile(file, "enum Tier { Two = 2 }\nconsole.log(Tier.Two);\n");
      await expect(promisify(execFile)(process.execPath, [file])).rejects.toMatchObject({
        stderr: expect.stringContaining("ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX"),
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
