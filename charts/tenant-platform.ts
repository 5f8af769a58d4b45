// A tenant's namespace, secure by default: Pod Security "restricted" enforced, every pod isolated by
// a default-deny NetworkPolicy with three allowances (DNS, the monitoring scrape, the ingress
// controller for public services), a quota so one OPD cannot starve the others, container defaults,
// a least-privilege role for the OPD's team (read what runs, read logs, restart and scale; no
// secrets, no RBAC, no policy changes: those come from here) and a read-only role for auditors.
import { k8s } from "cdk8s-plus-33";
import type { Classification } from "../model/types.ts";
import { CLASSIFICATION_LABEL, commonLabels, GROUP, type Manifest } from "./labels.ts";
import { synth } from "./synth.ts";

export interface TenantPlatformProps {
  /** Namespace name, DNS-1123. */
  namespace: string;
  /** Owning OPD id (inventory/tenants.yaml). */
  tenant: string;
  /** The highest classification of the data its services hold. */
  classification: Classification;
  quota: { cpu: string; memory: string; pods: number };
  /** Whether any of its services has a public host (then the ingress controller may reach them). */
  publicIngress: boolean;
  /** Namespace of Prometheus, admitted to scrape every pod. */
  monitoringNamespace: string;
  /** Namespace of the ingress controller. */
  ingressNamespace: string;
  /** Identity-provider group of the OPD's team; default `opd:<tenant>`. */
  group?: string;
  /** Identity-provider group of the auditors; default `baubau:auditors`. */
  auditorGroup?: string;
  /** Per-container defaults when a workload sets none. */
  defaults?: { cpu: string; memory: string };
}

/** Pods of a public service carry this label; only they are reachable from the ingress controller. */
export const PUBLIC_LABEL = `${GROUP}/public`;

const nsSelector = (ns: string) => ({ matchLabels: { "kubernetes.io/metadata.name": ns } });
const q = (v: string) => k8s.Quantity.fromString(v);

/** What one reads to see a workload run: the pods, their logs, how they are reached and configured. */
const WORKLOAD_VIEW = ["pods", "pods/log", "services", "endpoints", "configmaps"];

/** Everything an auditor may read in a namespace: all but secrets (and nothing writable). */
const READABLE = [
  {
    apiGroups: [""],
    resources: [
      ...WORKLOAD_VIEW,
      "serviceaccounts",
      "events",
      "resourcequotas",
      "limitranges",
      "persistentvolumeclaims",
    ],
  },
  { apiGroups: ["apps"], resources: ["deployments", "replicasets", "statefulsets", "daemonsets"] },
  { apiGroups: ["networking.k8s.io"], resources: ["networkpolicies", "ingresses"] },
  { apiGroups: ["autoscaling"], resources: ["horizontalpodautoscalers"] },
  { apiGroups: ["policy"], resources: ["poddisruptionbudgets"] },
  { apiGroups: ["rbac.authorization.k8s.io"], resources: ["roles", "rolebindings"] },
  { apiGroups: [GROUP], resources: ["smartservices"] },
];

export function tenantPlatform(props: TenantPlatformProps): Manifest[] {
  const ns = props.namespace;
  const labels = commonLabels({ name: ns, component: "tenant-platform", tenant: props.tenant });
  const meta = (name: string) => ({ name, namespace: ns, labels });
  const defaults = props.defaults ?? { cpu: "250m", memory: "256Mi" };
  return synth("tenant-platform", (scope) => {
    new k8s.KubeNamespace(scope, "namespace", {
      metadata: {
        name: ns,
        labels: {
          ...labels,
          [CLASSIFICATION_LABEL]: props.classification,
          "pod-security.kubernetes.io/enforce": "restricted",
          "pod-security.kubernetes.io/enforce-version": "latest",
          "pod-security.kubernetes.io/audit": "restricted",
          "pod-security.kubernetes.io/warn": "restricted",
        },
      },
    });
    new k8s.KubeNetworkPolicy(scope, "default-deny-all", {
      metadata: meta("default-deny-all"),
      spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] },
    });
    new k8s.KubeNetworkPolicy(scope, "allow-dns-egress", {
      metadata: meta("allow-dns-egress"),
      spec: {
        podSelector: {},
        policyTypes: ["Egress"],
        egress: [
          {
            to: [{ namespaceSelector: nsSelector("kube-system") }],
            ports: [
              { protocol: "UDP", port: k8s.IntOrString.fromNumber(53) },
              { protocol: "TCP", port: k8s.IntOrString.fromNumber(53) },
            ],
          },
        ],
      },
    });
    new k8s.KubeNetworkPolicy(scope, "allow-monitoring-scrape", {
      metadata: meta("allow-monitoring-scrape"),
      spec: {
        podSelector: {},
        policyTypes: ["Ingress"],
        ingress: [{ from: [{ namespaceSelector: nsSelector(props.monitoringNamespace) }] }],
      },
    });
    if (props.publicIngress) {
      new k8s.KubeNetworkPolicy(scope, "allow-ingress-controller", {
        metadata: meta("allow-ingress-controller"),
        spec: {
          podSelector: { matchLabels: { [PUBLIC_LABEL]: "true" } },
          policyTypes: ["Ingress"],
          ingress: [{ from: [{ namespaceSelector: nsSelector(props.ingressNamespace) }] }],
        },
      });
    }
    new k8s.KubeResourceQuota(scope, "quota", {
      metadata: meta("tenant-quota"),
      spec: {
        hard: {
          "limits.cpu": q(props.quota.cpu),
          "limits.memory": q(props.quota.memory),
          "requests.cpu": q(props.quota.cpu),
          "requests.memory": q(props.quota.memory),
          pods: q(String(props.quota.pods)),
        },
      },
    });
    new k8s.KubeLimitRange(scope, "limits", {
      metadata: meta("container-defaults"),
      spec: {
        limits: [
          {
            type: "Container",
            default: { cpu: q(defaults.cpu), memory: q(defaults.memory) },
            defaultRequest: { cpu: q(defaults.cpu), memory: q(defaults.memory) },
          },
        ],
      },
    });
    new k8s.KubeRole(scope, "team-role", {
      metadata: meta("tenant-operator"),
      rules: [
        {
          apiGroups: ["", "apps"],
          resources: [...WORKLOAD_VIEW, "deployments", "replicasets", "events"],
          verbs: ["get", "list", "watch"],
        },
        { apiGroups: ["apps"], resources: ["deployments", "deployments/scale"], verbs: ["patch"] },
      ],
    });
    new k8s.KubeRoleBinding(scope, "team-binding", {
      metadata: meta("tenant-operator"),
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "tenant-operator" },
      subjects: [
        { apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: props.group ?? `opd:${props.tenant}` },
      ],
    });
    new k8s.KubeRole(scope, "auditor-role", {
      metadata: meta("tenant-auditor"),
      rules: READABLE.map((r) => ({ ...r, verbs: ["get", "list", "watch"] })),
    });
    new k8s.KubeRoleBinding(scope, "auditor-binding", {
      metadata: meta("tenant-auditor"),
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "tenant-auditor" },
      subjects: [
        {
          apiGroup: "rbac.authorization.k8s.io",
          kind: "Group",
          name: props.auditorGroup ?? "baubau:auditors",
        },
      ],
    });
  });
}
