// A tenant's namespace, secure by default: Pod Security "restricted" enforced, every pod
// isolated by a default-deny NetworkPolicy (DNS egress the only exception), quotas so one OPD
// cannot starve the others, and a least-privilege role for the OPD's own team: read what runs,
// read logs, restart and scale — no secrets, no RBAC, no policy changes (those come from here).
import { commonLabels, GROUP, type Manifest } from "./labels.ts";

export interface TenantNamespaceProps {
  /** Namespace name, DNS-1123. */
  name: string;
  /** Owning OPD id (inventory/tenants.yaml). */
  tenant: string;
  quota: { cpu: string; memory: string; pods: number };
  /** Identity-provider group of the OPD's team; default `opd:<tenant>`. */
  group?: string;
  /** Per-container defaults when a workload sets none. */
  defaults?: { cpu: string; memory: string };
}

export function tenantNamespace(props: TenantNamespaceProps): Manifest[] {
  const labels = commonLabels({ name: props.name, component: "tenant-namespace", tenant: props.tenant });
  const ns = props.name;
  const defaults = props.defaults ?? { cpu: "250m", memory: "256Mi" };
  return [
    {
      apiVersion: "v1",
      kind: "Namespace",
      metadata: {
        name: ns,
        labels: {
          ...labels,
          "pod-security.kubernetes.io/enforce": "restricted",
          "pod-security.kubernetes.io/enforce-version": "latest",
          "pod-security.kubernetes.io/audit": "restricted",
          "pod-security.kubernetes.io/warn": "restricted",
        },
      },
    },
    {
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: { name: "default-deny-all", namespace: ns, labels },
      spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] },
    },
    {
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: { name: "allow-dns-egress", namespace: ns, labels },
      spec: {
        podSelector: {},
        policyTypes: ["Egress"],
        egress: [
          {
            to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } } }],
            ports: [
              { protocol: "UDP", port: 53 },
              { protocol: "TCP", port: 53 },
            ],
          },
        ],
      },
    },
    {
      apiVersion: "v1",
      kind: "ResourceQuota",
      metadata: { name: "tenant-quota", namespace: ns, labels },
      spec: {
        hard: {
          "limits.cpu": props.quota.cpu,
          "limits.memory": props.quota.memory,
          "requests.cpu": props.quota.cpu,
          "requests.memory": props.quota.memory,
          pods: String(props.quota.pods),
        },
      },
    },
    {
      apiVersion: "v1",
      kind: "LimitRange",
      metadata: { name: "container-defaults", namespace: ns, labels },
      spec: {
        limits: [
          {
            type: "Container",
            default: { cpu: defaults.cpu, memory: defaults.memory },
            defaultRequest: { cpu: defaults.cpu, memory: defaults.memory },
          },
        ],
      },
    },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "Role",
      metadata: { name: "tenant-operator", namespace: ns, labels },
      rules: [
        {
          apiGroups: ["", "apps"],
          resources: [
            "pods",
            "pods/log",
            "services",
            "endpoints",
            "configmaps",
            "deployments",
            "replicasets",
            "events",
          ],
          verbs: ["get", "list", "watch"],
        },
        { apiGroups: ["apps"], resources: ["deployments", "deployments/scale"], verbs: ["patch"] },
      ],
    },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "RoleBinding",
      metadata: { name: "tenant-operator", namespace: ns, labels },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "tenant-operator" },
      subjects: [
        { apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: props.group ?? `opd:${props.tenant}` },
      ],
    },
  ].map((m) => ({
    ...m,
    metadata: { ...m.metadata, annotations: { [`${GROUP}/chart`]: "tenant-namespace" } },
  }));
}
