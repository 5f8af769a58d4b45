// A city service's workload: Deployment + Service + the one NetworkPolicy that opens its port,
// with a restricted security context, resource limits and no service-account token.
import { commonLabels, GROUP, type Manifest } from "./labels.ts";

export interface SmartServiceProps {
  name: string;
  namespace: string;
  tenant: string;
  image: string;
  port: number;
  replicas: number;
  resources: { cpu: string; memory: string };
  /** Namespaces allowed to reach the service port (e.g. the ingress controller's). */
  allowFromNamespaces?: string[];
  audience: "public" | "internal";
}

export function smartService(props: SmartServiceProps): Manifest[] {
  const labels = commonLabels({ name: props.name, component: "smart-service", tenant: props.tenant });
  const selector = { "app.kubernetes.io/name": props.name, "app.kubernetes.io/component": "smart-service" };
  const annotations = { [`${GROUP}/chart`]: "smart-service", [`${GROUP}/audience`]: props.audience };
  const meta = { namespace: props.namespace, labels, annotations };
  return [
    {
      apiVersion: "v1",
      kind: "ServiceAccount",
      metadata: { name: props.name, ...meta },
      automountServiceAccountToken: false,
    },
    {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: props.name, ...meta },
      spec: {
        replicas: props.replicas,
        selector: { matchLabels: selector },
        strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
        template: {
          metadata: { labels: { ...labels, ...selector } },
          spec: {
            serviceAccountName: props.name,
            automountServiceAccountToken: false,
            securityContext: {
              runAsNonRoot: true,
              runAsUser: 10001,
              seccompProfile: { type: "RuntimeDefault" },
            },
            topologySpreadConstraints: [
              {
                maxSkew: 1,
                topologyKey: "topology.kubernetes.io/zone",
                whenUnsatisfiable: "ScheduleAnyway",
                labelSelector: { matchLabels: selector },
              },
            ],
            containers: [
              {
                name: props.name,
                image: props.image,
                ports: [{ name: "http", containerPort: props.port, protocol: "TCP" }],
                resources: {
                  requests: { cpu: props.resources.cpu, memory: props.resources.memory },
                  limits: { cpu: props.resources.cpu, memory: props.resources.memory },
                },
                securityContext: {
                  allowPrivilegeEscalation: false,
                  readOnlyRootFilesystem: true,
                  capabilities: { drop: ["ALL"] },
                },
                readinessProbe: { httpGet: { path: "/healthz", port: "http" }, periodSeconds: 10 },
              },
            ],
          },
        },
      },
    },
    {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: props.name, ...meta },
      spec: { selector, ports: [{ name: "http", port: 80, targetPort: "http", protocol: "TCP" }] },
    },
    {
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: { name: `${props.name}-allow-http`, ...meta },
      spec: {
        podSelector: { matchLabels: selector },
        policyTypes: ["Ingress"],
        ingress: [
          {
            from: [
              { podSelector: {} },
              ...(props.allowFromNamespaces ?? []).map((ns) => ({
                namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": ns } },
              })),
            ],
            ports: [{ protocol: "TCP", port: props.port }],
          },
        ],
      },
    },
  ];
}
