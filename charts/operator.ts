// The SmartService operator as it runs in production: its namespace (Pod Security restricted,
// default-deny NetworkPolicies with the few openings it needs), a ServiceAccount, a least-privilege
// ClusterRole (read SmartServices, write their status, apply exactly the kinds the workload chart
// renders), a namespaced Role for its Lease, and a Deployment of two replicas (one reconciles,
// the other waits on the Lease). The CRD comes from charts/crds/smart-service.ts.
import { commonLabels, GROUP, type Manifest } from "./labels.ts";
import {
  RESTRICTED_CONTAINER_SECURITY,
  RESTRICTED_NAMESPACE_LABELS,
  RESTRICTED_POD_SECURITY,
  spreadOverZones,
} from "./pod-security.ts";

/** The kinds the workload chart may render, which the operator watches, applies and prunes. */
export const SMART_SERVICE_CHILD_KINDS = [
  { apiVersion: "v1", kind: "ServiceAccount", plural: "serviceaccounts" },
  { apiVersion: "v1", kind: "Service", plural: "services" },
  { apiVersion: "apps/v1", kind: "Deployment", plural: "deployments" },
  { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", plural: "networkpolicies" },
  { apiVersion: "networking.k8s.io/v1", kind: "Ingress", plural: "ingresses" },
  { apiVersion: "policy/v1", kind: "PodDisruptionBudget", plural: "poddisruptionbudgets" },
  { apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler", plural: "horizontalpodautoscalers" },
] as const;

export const OPERATOR_NAME = "smartservice-operator";
export const OPERATOR_LEASE = "smartservice-operator";
export const METRICS_PORT = 8080;

export interface OperatorProps {
  /** @default "smartcity-system" */
  namespace?: string;
  /** The operator image (this repository with `scripts/operator` as entry point); a tag or digest. */
  image: string;
  /** @default 2 (one leader, one warm follower) */
  replicas?: number;
  /** @default 8 */
  workers?: number;
  /** Namespace allowed to scrape /metrics. @default "monitoring" */
  monitoringNamespace?: string;
  /** Create the namespace too. @default true */
  createNamespace?: boolean;
}

function groupOf(apiVersion: string): string {
  return apiVersion.includes("/") ? apiVersion.slice(0, apiVersion.indexOf("/")) : "";
}

/** The ClusterRole's rules: nothing beyond what reconciling needs (no secrets, no RBAC, no delete of SmartServices). */
export function operatorClusterRules(): Record<string, unknown>[] {
  const byGroup = new Map<string, string[]>();
  for (const k of SMART_SERVICE_CHILD_KINDS) {
    const g = groupOf(k.apiVersion);
    byGroup.set(g, [...(byGroup.get(g) ?? []), k.plural]);
  }
  return [
    { apiGroups: [GROUP], resources: ["smartservices"], verbs: ["get", "list", "watch"] },
    { apiGroups: [GROUP], resources: ["smartservices/status"], verbs: ["get", "patch", "update"] },
    // Owner references with blockOwnerDeletion need update on the owner's finalizers.
    { apiGroups: [GROUP], resources: ["smartservices/finalizers"], verbs: ["update"] },
    ...[...byGroup].map(([g, resources]) => ({
      apiGroups: [g],
      resources: resources.sort(),
      verbs: ["get", "list", "watch", "create", "patch", "delete"],
    })),
    { apiGroups: [""], resources: ["events"], verbs: ["create", "patch"] },
  ];
}

export function operatorManifests(props: OperatorProps): Manifest[] {
  const ns = props.namespace ?? "smartcity-system";
  const name = OPERATOR_NAME;
  const labels = commonLabels({ name, component: "operator", tenant: "platform" });
  const selector = { "app.kubernetes.io/name": name, "app.kubernetes.io/component": "operator" };
  const meta = (n: string) => ({ name: n, namespace: ns, labels });
  const monitoring = props.monitoringNamespace ?? "monitoring";
  const out: Manifest[] = [];
  if (props.createNamespace ?? true) {
    out.push({
      apiVersion: "v1",
      kind: "Namespace",
      metadata: {
        name: ns,
        labels: {
          ...labels,
          ...RESTRICTED_NAMESPACE_LABELS,
        },
      },
    });
  }
  out.push(
    { apiVersion: "v1", kind: "ServiceAccount", metadata: meta(name), automountServiceAccountToken: true },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRole",
      metadata: { name, labels },
      rules: operatorClusterRules(),
    },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRoleBinding",
      metadata: { name, labels },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name },
      subjects: [{ kind: "ServiceAccount", name, namespace: ns }],
    },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "Role",
      metadata: meta(`${name}-leader-election`),
      rules: [
        // create cannot be limited by name (the object does not exist yet); the rest can.
        { apiGroups: ["coordination.k8s.io"], resources: ["leases"], verbs: ["create"] },
        {
          apiGroups: ["coordination.k8s.io"],
          resources: ["leases"],
          resourceNames: [OPERATOR_LEASE],
          verbs: ["get", "update"],
        },
      ],
    },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "RoleBinding",
      metadata: meta(`${name}-leader-election`),
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: `${name}-leader-election` },
      subjects: [{ kind: "ServiceAccount", name, namespace: ns }],
    },
    {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: meta(name),
      spec: {
        replicas: props.replicas ?? 2,
        selector: { matchLabels: selector },
        template: {
          metadata: { labels: { ...labels, ...selector } },
          spec: {
            serviceAccountName: name,
            securityContext: RESTRICTED_POD_SECURITY,
            topologySpreadConstraints: spreadOverZones(selector),
            // Graceful shutdown finishes reconciles in flight and releases the Lease.
            terminationGracePeriodSeconds: 30,
            containers: [
              {
                name: "operator",
                image: props.image,
                args: [
                  "--in-cluster",
                  `--workers=${props.workers ?? 8}`,
                  `--metrics-bind-address=0.0.0.0:${METRICS_PORT}`,
                  `--leader-election-namespace=${ns}`,
                  `--leader-election-id=${OPERATOR_LEASE}`,
                ],
                env: [
                  { name: "POD_NAMESPACE", valueFrom: { fieldRef: { fieldPath: "metadata.namespace" } } },
                ],
                ports: [{ name: "metrics", containerPort: METRICS_PORT, protocol: "TCP" }],
                livenessProbe: { httpGet: { path: "/healthz", port: "metrics" }, periodSeconds: 10 },
                readinessProbe: { httpGet: { path: "/readyz", port: "metrics" }, periodSeconds: 5 },
                resources: {
                  requests: { cpu: "100m", memory: "128Mi" },
                  limits: { cpu: "1", memory: "256Mi" },
                },
                securityContext: RESTRICTED_CONTAINER_SECURITY,
              },
            ],
          },
        },
      },
    },
    {
      apiVersion: "v1",
      kind: "Service",
      metadata: meta(`${name}-metrics`),
      spec: {
        // Headless: its name resolves to every replica's address, so Prometheus's DNS discovery
        // (monitoring/prometheus/config.ts) scrapes the leader and the follower as two instances.
        clusterIP: "None",
        selector,
        ports: [{ name: "metrics", port: METRICS_PORT, targetPort: "metrics", protocol: "TCP" }],
      },
    },
    {
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: meta("default-deny-all"),
      spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] },
    },
    {
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: meta(`${name}-allow`),
      spec: {
        podSelector: { matchLabels: selector },
        policyTypes: ["Ingress", "Egress"],
        // Prometheus scrapes /metrics; the kubelet's probes are not subject to NetworkPolicy.
        ingress: [
          {
            from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": monitoring } } }],
            ports: [{ protocol: "TCP", port: METRICS_PORT }],
          },
        ],
        // The API server (its Service port and the usual secure ports behind it) and DNS.
        egress: [
          {
            ports: [
              { protocol: "TCP", port: 443 },
              { protocol: "TCP", port: 6443 },
            ],
          },
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
  );
  return out;
}
