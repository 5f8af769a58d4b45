// The whole data-center stack with the real engines: Pulumi CLI + language host + Kubernetes provider
// against the twin's real kube-apiservers (kwok fakes the kubelets: Available proves scheduling and
// the controllers, not that an image runs; nothing enforces NetworkPolicies there).
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { EngineEvent } from "@pulumi/pulumi/automation/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyseCoverage } from "../../model/analyses/coverage.ts";
import { loadInventory } from "../../model/load/index.ts";
import type { Inventory } from "../../model/types.ts";
import { coverageOutput } from "../../stacks/outputs.ts";
import { deployedServices } from "../../stacks/plan.ts";
import { ROOT } from "../../toolchain/paths.ts";
import { kubectl } from "../../twin/kwok.ts";
import { fileWith, markOperational } from "./helpers/inventory-edits.ts";
import { waitFor } from "./helpers/kube.ts";
import {
  createInventoryStack,
  type InventoryTestStack,
  stackNamespacesOnTwin,
} from "./helpers/pulumi-stack.ts";

const CLUSTERS = ["dc-prod", "dc-mgmt"];
/** A site one access link away from an operational PoP: marking both operational connects it. */
const NEW_SITE = "opd-diskop-ukm";
const NEW_LINK = "pop-batupoaro--opd-diskop-ukm";
/** The only running service of its tenant. */
const REMOVED = { service: "dukcapil-online", tenant: "dukcapil" };

/** What the twin made, cluster-wide, that the stack must leave as it found it. Objects already being
 * deleted (a namespace an earlier test file removed, still terminating) are not part of it. */
async function clusterShape(cluster: string): Promise<string> {
  const kinds = [
    "namespaces",
    "priorityclasses",
    "clusterroles",
    "clusterrolebindings",
    "customresourcedefinitions",
  ];
  const out = await Promise.all(
    kinds.map(async (k) => {
      const list = JSON.parse(await kubectl(cluster, ["get", k, "-o", "json"])) as {
        items: { metadata: { name: string; deletionTimestamp?: string } }[];
      };
      return list.items
        .filter((i) => i.metadata.deletionTimestamp === undefined)
        .map((i) => i.metadata.name)
        .sort()
        .join(" ");
    }),
  );
  return out.join("\n");
}

/** The steps of a preview other than `same`, as "op urn-name". */
function changes(events: EngineEvent[]): string[] {
  return events
    .map((e) => e.resourcePreEvent?.metadata)
    .filter((m): m is NonNullable<typeof m> => m !== undefined && m.op !== "same")
    .map((m) => `${m.op} ${m.urn.split("::").pop()}`)
    .sort();
}

describe("the data-center stack on the twin", () => {
  let t: InventoryTestStack;
  let inventory: Inventory;
  let before: string[];
  let log = "";
  const onOutput = (s: string) => {
    log += s;
  };

  beforeAll(async () => {
    const loaded = await loadInventory(join(ROOT, "inventory"));
    if (!loaded.ok) throw new Error("the inventory must load");
    inventory = loaded.inventory;
    before = await Promise.all(CLUSTERS.map(clusterShape));
    t = await createInventoryStack();
  });

  afterAll(async () => {
    await t?.dispose();
  });

  it("pulumi up from empty succeeds and every Deployment is Available", async () => {
    const result = await t.stack.up({ onOutput });
    expect(result.summary.result, log).toBe("succeeded");
    const running = deployedServices(inventory).filter((s) => s.workload.cluster === "dc-prod");
    const deployments = JSON.parse(
      await kubectl("dc-prod", ["get", "deployments", "-A", "-o", "json"]),
    ).items.filter((d: { metadata: { namespace: string } }) => d.metadata.namespace.startsWith(t.prefix));
    expect(deployments.map((d: { metadata: { name: string } }) => d.metadata.name).sort()).toEqual(
      running.map((s) => s.id).sort(),
    );
    for (const d of deployments) {
      const available = d.status.conditions?.find((c: { type: string }) => c.type === "Available");
      expect(available?.status, d.metadata.name).toBe("True");
    }
    // An autoscaled service's count is its HorizontalPodAutoscaler's: the stack leaves spec.replicas out
    // (the API's default is 1 at create) and the HPA raises it to minReplicas, the record's replicas (kwok
    // has no metrics server, so the HPA goes no further). Every Deployment ends at its record's replicas.
    const floors = new Map(running.map((s) => [s.id, s.workload.replicas]));
    const autoscaled = running.filter((s) => (s.workload.maxReplicas ?? 0) > s.workload.replicas);
    expect(autoscaled.length).toBeGreaterThan(0);
    const settled = await waitFor("every Deployment ready at its record's replicas", async () => {
      const live = JSON.parse(
        await kubectl("dc-prod", ["get", "deployments", "-A", "--show-managed-fields", "-o", "json"]),
      ).items.filter((d: { metadata: { namespace: string } }) => d.metadata.namespace.startsWith(t.prefix));
      return live.every(
        (d: { metadata: { name: string }; spec: { replicas: number }; status: { readyReplicas?: number } }) =>
          d.spec.replicas === floors.get(d.metadata.name) && d.status.readyReplicas === d.spec.replicas,
      )
        ? live
        : undefined;
    });
    // The stack's field manager claims no replica count of an autoscaled Deployment: a second apply
    // cannot set back what the HPA chose.
    for (const s of autoscaled) {
      const d = settled.find((x: { metadata: { name: string } }) => x.metadata.name === s.id);
      const stack = d.metadata.managedFields.filter((f: { manager: string }) =>
        f.manager.startsWith("pulumi"),
      );
      expect(stack.length, s.id).toBeGreaterThan(0);
      expect(JSON.stringify(stack), s.id).not.toContain('"f:replicas"');
    }
    // The monitoring layer on dc-mgmt: its pods passed the namespace's Pod Security restricted admission
    // (the blackbox exporter's ping sysctl included) and quota, and kwok's fake kubelets made them Ready.
    const monitoring = JSON.parse(
      await kubectl("dc-mgmt", ["get", "deployments", "-n", `${t.prefix}monitoring`, "-o", "json"]),
    ).items;
    expect(monitoring.map((d: { metadata: { name: string } }) => d.metadata.name).sort()).toEqual([
      "alertmanager",
      "blackbox-exporter",
      "kpi-exporter",
      "prometheus",
    ]);
    for (const d of monitoring) expect(d.status.readyReplicas, d.metadata.name).toBe(1);
    const sites = JSON.parse(await kubectl("dc-mgmt", ["get", "fibersites", "-o", "json"])).items;
    expect(sites).toHaveLength(inventory.sites.length);
    expect(result.outputs.services?.value).toHaveLength(deployedServices(inventory).length);
  });

  it("every namespace of the stack refuses a privileged pod", async () => {
    const namespaces = [
      ...(await stackNamespacesOnTwin(t, "dc-prod")),
      ...(await stackNamespacesOnTwin(t, "dc-mgmt")),
    ];
    expect(namespaces.length).toBeGreaterThan(6);
    for (const [i, ns] of namespaces.entries()) {
      const cluster = i < namespaces.length / 2 ? "dc-prod" : "dc-mgmt";
      const attempt = kubectl(cluster, [
        "run",
        "root-shell",
        "-n",
        ns,
        "--image=busybox:1.36",
        "--privileged",
        "--restart=Never",
        "--dry-run=server",
      ]);
      await expect(attempt, ns).rejects.toThrow(/violates PodSecurity "restricted:latest"/);
    }
  });

  it("the auditors can read and cannot write; the OPD team can scale but not read secrets", async () => {
    const ns = `${t.prefix}dpmptsp`;
    const canI = async (cluster: string, group: string, ...args: string[]) =>
      (
        await kubectl(cluster, ["auth", "can-i", ...args, "--as=someone", `--as-group=${group}`]).catch(
          (e: Error) => e.message,
        )
      ).trim();
    const auditor = (...args: string[]) => canI("dc-prod", "baubau:auditors", ...args);
    expect(await auditor("list", "deployments.apps", "-n", ns)).toBe("yes");
    expect(await auditor("get", "networkpolicies.networking.k8s.io", "-n", ns)).toBe("yes");
    expect(await auditor("list", "namespaces")).toBe("yes");
    expect(await canI("dc-mgmt", "baubau:auditors", "list", "fibersites.smartcity.baubaukota.go.id")).toBe(
      "yes",
    );
    expect(await auditor("get", "secrets", "-n", ns)).toMatch(/no$/);
    expect(await auditor("patch", "deployments.apps", "-n", ns)).toMatch(/no$/);
    // kubectl warns on stderr for a cluster-scoped resource and exits 1 with "no": anything but yes.
    expect(await auditor("delete", "namespaces")).not.toBe("yes");
    expect(
      await canI("dc-mgmt", "baubau:auditors", "update", "fibersites.smartcity.baubaukota.go.id"),
    ).not.toBe("yes");
    const team = (...args: string[]) => canI("dc-prod", "opd:dpmptsp", ...args, "-n", ns);
    expect(await team("patch", "deployments.apps")).toBe("yes");
    expect(await team("get", "secrets")).toMatch(/no$/);
    expect(await team("delete", "networkpolicies.networking.k8s.io")).toMatch(/no$/);
    expect(await team("create", "rolebindings.rbac.authorization.k8s.io")).toMatch(/no$/);
  });

  it("a second pulumi up changes nothing", async () => {
    const result = await t.stack.up({ expectNoChanges: true, onOutput });
    expect(Object.keys(result.summary.resourceChanges ?? {})).toEqual(["same"]);
  });

  it("one more site on fiber previews as that site's and its access link's objects, the Prometheus config that now probes it, and the coverage output", async () => {
    const sitesFile = await fileWith(t.inventoryDir, NEW_SITE);
    const linksFile = await fileWith(t.inventoryDir, NEW_LINK);
    const [siteText, linkText] = await Promise.all([
      readFile(sitesFile, "utf8"),
      readFile(linksFile, "utf8"),
    ]);
    await writeFile(sitesFile, markOperational(siteText, NEW_SITE));
    await writeFile(linksFile, markOperational(linkText, NEW_LINK));
    try {
      const events: EngineEvent[] = [];
      await t.stack.preview({ onEvent: (e) => events.push(e), diff: true });
      // An operational site is probed: prometheus.yml changes (the provider replaces a ConfigMap whose
      // data changes), and the config's checksum rolls Prometheus's pod.
      const config = `dc-mgmt:${t.prefix}monitoring/prometheus-config`;
      expect(changes(events)).toEqual(
        [
          `update dc-mgmt:${NEW_LINK}`,
          `update dc-mgmt:${NEW_SITE}`,
          `update dc-mgmt:${t.prefix}monitoring/prometheus`,
          `replace ${config}`,
          `create-replacement ${config}`,
          `delete-replaced ${config}`,
        ].sort(),
      );
      // The coverage output follows: the edited inventory's coverage differs from what the stack holds.
      const edited = await loadInventory(t.inventoryDir);
      if (!edited.ok) throw new Error("the edited copy must load");
      const held = (await t.stack.outputs()).coverage?.value;
      const next = coverageOutput(analyseCoverage(edited.inventory));
      expect(next["fiber-phase-1"]?.covered).toBe((held["fiber-phase-1"].covered as number) + 1);
    } finally {
      await writeFile(sitesFile, siteText);
      await writeFile(linksFile, linkText);
    }
  });

  it("removing a tenant's only service removes only that tenant's resources", async () => {
    const file = join(t.inventoryDir, "services.yaml");
    const text = await readFile(file, "utf8");
    const start = text.indexOf(`\n  - id: ${REMOVED.service}\n`);
    const end = text.indexOf("\n  - ", start + 1);
    await writeFile(file, text.slice(0, start) + text.slice(end));
    try {
      const events: EngineEvent[] = [];
      await t.stack.preview({ onEvent: (e) => events.push(e) });
      const steps = changes(events).filter((s) => !s.endsWith(`baubau-smartcity-${t.name}`));
      expect(steps.length).toBeGreaterThan(10);
      for (const s of steps) {
        expect(s, steps.join("\n")).toMatch(/^delete /);
        expect(s).toContain(REMOVED.tenant);
      }
    } finally {
      await writeFile(file, text);
    }
  });

  it("a broken services.yaml stops the preview with the loader's precise error, and nothing changes", async () => {
    const file = join(t.inventoryDir, "services.yaml");
    const text = await readFile(file, "utf8");
    await writeFile(file, text.replace("tenant: dpmptsp", "tenant: dpmtpsp"));
    try {
      const outcome = await t.stack.preview().then(
        () => "succeeded",
        (e: Error) => e.message,
      );
      expect(outcome).toMatch(/services\.yaml:\d+:\d+ services\[\d+\]\.tenant: no tenant "dpmtpsp"/);
      expect(outcome).toMatch(/did you mean "dpmptsp"\?/);
    } finally {
      await writeFile(file, text);
    }
    const result = await t.stack.preview({ expectNoChanges: true });
    expect(Object.keys(result.changeSummary)).toEqual(["same"]);
  });

  it("pulumi destroy leaves the clusters as the twin made them", async () => {
    const result = await t.stack.destroy({ onOutput });
    expect(result.summary.result).toBe("succeeded");
    expect(await Promise.all(CLUSTERS.map(clusterShape))).toEqual(before);
    const state = await t.stack.exportStack();
    expect(state.deployment.resources ?? []).toEqual([]);
  });
});
