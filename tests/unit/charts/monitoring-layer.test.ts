import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Manifest } from "../../../charts/labels.ts";
import {
  MONITORING_IMAGES,
  type MonitoringLayerProps,
  monitoringLayer,
} from "../../../charts/monitoring-layer.ts";
import { tenantPlatform } from "../../../charts/tenant-platform.ts";
import { loadInventory } from "../../../model/load/index.ts";
import { alertmanagerConfigFile } from "../../../monitoring/alertmanager/config.ts";
import { dashboardFiles } from "../../../monitoring/dashboards/index.ts";
import { ruleGroups } from "../../../monitoring/rules/index.ts";
import { imagePinned, requestsAndLimits } from "../../../policy/kubernetes/containers.ts";
import {
  namespacePodSecurity,
  noHostAccess,
  podSecurityRestricted,
} from "../../../policy/kubernetes/pod-security.ts";
import { tenantDefaultDeny, tenantRbac } from "../../../policy/kubernetes/tenancy.ts";
import { loadMonitoringInputs } from "../../../stacks/monitoring-inputs.ts";
import { runTool, scratch } from "../monitoring/fixture.ts";
import { fromManifest, resourceViolations, stackViolations } from "../policy/harness.ts";

type Obj = Manifest & { spec?: any; data?: Record<string, string>; rules?: any[] };
const dir = scratch("monitoring-layer");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let props: MonitoringLayerProps;
let objects: Obj[];

beforeAll(async () => {
  const inventoryDir = new URL("../../../inventory", import.meta.url).pathname;
  const loaded = await loadInventory(inventoryDir);
  if (!loaded.ok) throw new Error("the real inventory must load");
  const inputs = await loadMonitoringInputs(loaded.inventory, inventoryDir);
  props = {
    namespace: "monitoring",
    cluster: "dc-mgmt",
    sites: inputs.sites,
    sitePools: inputs.sitePools,
    opds: loaded.inventory.tenants.map((t) => t.id),
    operatorDns: [
      {
        cluster: "dc-mgmt",
        name: "smartservice-operator-metrics.smartcity-system.svc.cluster.local",
        port: 8080,
      },
    ],
    operatorNamespaces: ["smartcity-system"],
    operatorMetricsPort: 8080,
    images: MONITORING_IMAGES,
  };
  objects = monitoringLayer(props) as Obj[];
}, 60_000);

const of = (kind: string) => objects.filter((o) => o.kind === kind);
const configMap = (name: string) => of("ConfigMap").find((c) => c.metadata.name === name)?.data ?? {};
const deployment = (name: string) =>
  of("Deployment").find((d) => d.metadata.name === name)?.spec.template.spec;
const egressOf = (name: string) =>
  of("NetworkPolicy").find((p) => p.metadata.name === `${name}-egress`)?.spec;

const tool = (cmd: string, args: string[]) => runTool(dir, cmd, args);

describe("monitoring layer", () => {
  it("snapshot (ConfigMaps by their keys; their contents are checked below)", () => {
    const shown = objects.map((o) =>
      o.kind === "ConfigMap" ? { ...o, data: Object.keys(o.data ?? {}).sort() } : o,
    );
    expect(shown).toMatchSnapshot();
  });

  it("ships the files monitoring/'s builders make: one rule file per group, every dashboard, the Alertmanager routes", () => {
    expect(Object.keys(configMap("prometheus-rules")).sort()).toEqual(
      ruleGroups()
        .map((g) => `${g.name}.yaml`)
        .sort(),
    );
    expect(configMap("grafana-dashboards")).toEqual(dashboardFiles());
    expect(configMap("alertmanager-config")["alertmanager.yml"]).toBe(
      alertmanagerConfigFile({ opds: props.opds }),
    );
    const prometheus = configMap("prometheus-config")["prometheus.yml"] ?? "";
    // Every operational site is probed at its management address, by ICMP.
    for (const s of props.sites) expect(prometheus).toContain(`- ${s.managementAddress}\n`);
    expect(prometheus).toContain("- icmp");
    expect(prometheus).toContain("kpi-exporter.monitoring.svc:9464");
  });

  it("passes promtool and amtool, and the checks fail on a broken file", { timeout: 60_000 }, async () => {
    const write = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return name;
    };
    const prometheus = write("prometheus.yml", configMap("prometheus-config")["prometheus.yml"] ?? "");
    // --syntax-only: the rule, CA and token files are the pod's mounts, not on this machine.
    const checked = await tool("promtool", ["check", "config", "--syntax-only", prometheus]);
    expect(checked.ok, checked.out).toBe(true);
    const rules = Object.entries(configMap("prometheus-rules")).map(([f, t]) => write(f, t));
    const rulesChecked = await tool("promtool", ["check", "rules", ...rules]);
    expect(rulesChecked.ok, rulesChecked.out).toBe(true);
    const am = write("alertmanager.yml", configMap("alertmanager-config")["alertmanager.yml"] ?? "");
    const amChecked = await tool("amtool", ["check-config", am]);
    expect(amChecked.ok, amChecked.out).toBe(true);
    const broken = write(
      "broken.yml",
      (configMap("prometheus-config")["prometheus.yml"] ?? "").replace(
        "scrape_interval: 30s",
        "scrape_interval: thirty",
      ),
    );
    expect((await tool("promtool", ["check", "config", "--syntax-only", broken])).ok).toBe(false);
  });

  it("runs every pod under Pod Security restricted, pinned images, requests and limits, a token only for Prometheus", () => {
    expect(
      of("Deployment")
        .map((d) => d.metadata.name)
        .sort(),
    ).toEqual(["alertmanager", "blackbox-exporter", "kpi-exporter", "prometheus"]);
    for (const d of of("Deployment")) {
      const pod = d.spec.template.spec;
      const name = d.metadata.name;
      expect(pod.securityContext, name).toMatchObject({
        runAsNonRoot: true,
        seccompProfile: { type: "RuntimeDefault" },
      });
      expect(pod.hostNetwork ?? false, name).toBe(false);
      expect(pod.automountServiceAccountToken, name).toBe(name === "prometheus");
      for (const v of pod.volumes ?? [])
        expect(Object.keys(v).sort(), name).toSatisfy(
          (k: string[]) => k.includes("configMap") || k.includes("emptyDir"),
        );
      for (const c of pod.containers) {
        expect(c.securityContext, name).toEqual({
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ["ALL"] },
        });
        expect(c.resources.requests.cpu, name).toBeDefined();
        expect(c.resources.limits.memory, name).toBeDefined();
        expect(c.image, name).toMatch(/:[\w][\w.-]*$/);
        expect(c.image, name).not.toMatch(/:latest$/);
        expect(Object.values(MONITORING_IMAGES)).toContain(c.image);
      }
    }
    // ICMP without NET_RAW: only the namespaced ping sysctl, which restricted allows.
    expect(deployment("blackbox-exporter").securityContext.sysctls).toEqual([
      { name: "net.ipv4.ping_group_range", value: "10001 10001" },
    ]);
    for (const name of ["prometheus", "alertmanager", "kpi-exporter"])
      expect(deployment(name).securityContext.sysctls).toBeUndefined();
  });

  it("rolls a pod when its config changes", () => {
    const hash = (o: Obj[]) =>
      o.find((d) => d.kind === "Deployment" && d.metadata.name === "alertmanager")?.spec.template.metadata
        .annotations["checksum/config"];
    const fewer = monitoringLayer({ ...props, opds: props.opds.slice(1) }) as Obj[];
    expect(hash(fewer)).not.toBe(hash(objects));
    const blackbox = (o: Obj[]) =>
      o.find((d) => d.kind === "Deployment" && d.metadata.name === "blackbox-exporter")?.spec.template
        .metadata.annotations["checksum/config"];
    expect(blackbox(fewer)).toBe(blackbox(objects));
  });

  it("opens only each pod's egress: Prometheus to its targets and Alertmanager, the blackbox exporter to the site blocks, the exporter to Prometheus and Alertmanager", () => {
    const ports = (spec: any) =>
      spec.egress
        .flatMap((r: any) => (r.ports ?? []).map((p: any) => p.port))
        .sort((a: number, b: number) => a - b);
    expect(ports(egressOf("prometheus"))).toEqual([443, 6443, 8080, 9093, 9115, 9464]);
    const toOperator = egressOf("prometheus").egress.find((r: any) => r.ports[0].port === 8080);
    expect(toOperator.to).toEqual([
      { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "smartcity-system" } } },
    ]);
    expect(egressOf("blackbox-exporter").egress).toEqual([
      { to: props.sitePools.map((cidr) => ({ ipBlock: { cidr } })) },
    ]);
    expect(ports(egressOf("kpi-exporter"))).toEqual([9090, 9093]);
    // Alertmanager calls no one (its receivers have no integrations): no egress beyond DNS.
    expect(egressOf("alertmanager")).toBeUndefined();
    for (const p of of("NetworkPolicy")) expect(p.spec.policyTypes).toEqual(["Egress"]);
  });

  it("grants Prometheus only GET /metrics on its cluster, named after its namespace", () => {
    const [role] = of("ClusterRole");
    expect(role?.metadata.name).toBe("monitoring-prometheus-metrics");
    expect(role?.rules).toEqual([{ nonResourceURLs: ["/metrics"], verbs: ["get"] }]);
    expect(of("ClusterRoleBinding")[0]?.subjects).toEqual([
      { kind: "ServiceAccount", name: "prometheus", namespace: "monitoring" },
    ]);
  });

  it("passes the policy pack's mandatory Kubernetes rules, with the monitoring namespace it lands in", async () => {
    const namespace = tenantPlatform({
      namespace: "monitoring",
      tenant: "diskominfo",
      classification: "terbatas",
      quota: { cpu: "8", memory: "16Gi", pods: 40 },
      publicIngress: false,
      monitoringNamespace: "monitoring",
      ingressNamespace: "ingress-nginx",
    });
    const resources = [...namespace, ...objects].map(fromManifest);
    for (const rule of [
      noHostAccess,
      podSecurityRestricted,
      namespacePodSecurity,
      requestsAndLimits,
      imagePinned,
    ])
      for (const r of resources)
        expect(await resourceViolations(rule, r), `${rule.id} ${r.name}`).toEqual([]);
    for (const rule of [tenantDefaultDeny, tenantRbac])
      expect(await stackViolations(rule, resources), rule.id).toEqual([]);
    // The rule can fail here: NET_RAW added to the blackbox exporter is refused.
    const raw = structuredClone(
      objects.find((o) => o.kind === "Deployment" && o.metadata.name === "blackbox-exporter"),
    ) as Obj;
    raw.spec.template.spec.containers[0].securityContext.capabilities.add = ["NET_RAW"];
    expect((await resourceViolations(noHostAccess, fromManifest(raw))).join("\n")).toMatch(/NET_RAW/);
  });
});
