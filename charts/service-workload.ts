// A city service's workload, rendered from its catalog record alone (the stacks and the SmartService
// operator both call this): Deployment with a restricted security context and limits, ServiceAccount
// without a token, Service, an Ingress when a public host is set, a HorizontalPodAutoscaler when a
// ceiling is set, and for essential services a PodDisruptionBudget and a hard spread across the rack
// zones. Its NetworkPolicy admits the pods that declare they call it (a label) and lets it call its
// own dependencies, so the dependency graph in services.yaml is the network's allow-list.
//
// One owner per field: when an autoscaler is rendered, the Deployment leaves `spec.replicas` out, so the
// HPA owns the count. Otherwise every server-side apply (a `pulumi up`, an operator reconcile) would set
// it back to the record's replicas and undo the autoscaler's choice (Kubernetes docs, "Migrating
// Deployments and StatefulSets to horizontal autoscaling"). The API defaults the field to 1 on create
// and the HPA raises it to its minReplicas, the record's replicas, at once (it needs no metrics for that).
import { k8s } from "cdk8s-plus-33";
import type { Service, ServiceWorkload } from "../model/types.ts";
import { callsLabel, commonLabels, GROUP, type Manifest } from "./labels.ts";
import { synth } from "./synth.ts";
import { PUBLIC_LABEL } from "./tenant-platform.ts";

/** What the workload chart needs of a service: the catalog record with its workload. */
export type ServiceRecord = Pick<Service, "id" | "tenant" | "kind" | "essential" | "classification"> & {
  workload: ServiceWorkload;
};

export interface ServiceWorkloadOptions {
  namespace: string;
  /** IngressClass of the city's ingress controller. */
  ingressClassName?: string;
}

export const ZONE_KEY = "topology.kubernetes.io/zone";
export const PRIORITY_ESSENTIAL = "baubau-essential";
export const PRIORITY_STANDARD = "baubau-standard";

const q = (v: string) => k8s.Quantity.fromString(v);

/** Does the chart render a HorizontalPodAutoscaler (and so leave the replica count to it)? */
export function autoscaled(w: Pick<ServiceWorkload, "replicas" | "maxReplicas">): boolean {
  return w.maxReplicas !== undefined && w.maxReplicas > w.replicas;
}

export function serviceWorkload(service: ServiceRecord, options: ServiceWorkloadOptions): Manifest[] {
  const w = service.workload;
  const name = service.id;
  const labels = commonLabels({ name, component: "smart-service", tenant: service.tenant });
  const selector = { "app.kubernetes.io/name": name, "app.kubernetes.io/component": "smart-service" };
  const exposed = service.kind === "public" && w.host !== undefined;
  const meta = {
    name,
    namespace: options.namespace,
    labels,
    annotations: {
      [`${GROUP}/audience`]: service.kind,
      [`${GROUP}/essential`]: String(service.essential),
      [`${GROUP}/classification`]: service.classification,
    },
  };
  const podLabels: Record<string, string> = { ...labels, ...selector };
  for (const dep of w.dependsOn) podLabels[callsLabel(dep)] = "true";
  if (exposed) podLabels[PUBLIC_LABEL] = "true";

  return synth("service-workload", (scope) => {
    new k8s.KubeServiceAccount(scope, "service-account", {
      metadata: meta,
      automountServiceAccountToken: false,
    });
    new k8s.KubeDeployment(scope, "deployment", {
      metadata: meta,
      spec: {
        // Left to the autoscaler when there is one (see the top of this file).
        ...(autoscaled(w) ? {} : { replicas: w.replicas }),
        selector: { matchLabels: selector },
        strategy: {
          type: "RollingUpdate",
          rollingUpdate: {
            maxUnavailable: k8s.IntOrString.fromNumber(0),
            maxSurge: k8s.IntOrString.fromNumber(1),
          },
        },
        template: {
          metadata: { labels: podLabels },
          spec: {
            serviceAccountName: name,
            automountServiceAccountToken: false,
            priorityClassName: service.essential ? PRIORITY_ESSENTIAL : PRIORITY_STANDARD,
            securityContext: {
              runAsNonRoot: true,
              runAsUser: 10001,
              seccompProfile: { type: "RuntimeDefault" },
            },
            topologySpreadConstraints: [
              {
                maxSkew: 1,
                topologyKey: ZONE_KEY,
                // Tainted nodes (control planes) are not where workloads go: their zones are no domain.
                nodeTaintsPolicy: "Honor",
                // An essential service must survive a rack: its replicas may not pile into one zone.
                whenUnsatisfiable: service.essential ? "DoNotSchedule" : "ScheduleAnyway",
                labelSelector: { matchLabels: selector },
              },
            ],
            containers: [
              {
                name,
                image: w.image,
                ports: [{ name: "http", containerPort: w.port, protocol: "TCP" }],
                resources: {
                  requests: { cpu: q(w.resources.requests.cpu), memory: q(w.resources.requests.memory) },
                  limits: { cpu: q(w.resources.limits.cpu), memory: q(w.resources.limits.memory) },
                },
                securityContext: {
                  allowPrivilegeEscalation: false,
                  readOnlyRootFilesystem: true,
                  capabilities: { drop: ["ALL"] },
                },
                readinessProbe: {
                  httpGet: { path: "/healthz", port: k8s.IntOrString.fromString("http") },
                  periodSeconds: 10,
                },
              },
            ],
          },
        },
      },
    });
    new k8s.KubeService(scope, "service", {
      metadata: meta,
      spec: {
        selector,
        ports: [{ name: "http", port: 80, targetPort: k8s.IntOrString.fromString("http"), protocol: "TCP" }],
      },
    });
    if (exposed && w.host) {
      new k8s.KubeIngress(scope, "ingress", {
        metadata: meta,
        spec: {
          ingressClassName: options.ingressClassName ?? "nginx",
          tls: [{ hosts: [w.host], secretName: `${name}-tls` }],
          rules: [
            {
              host: w.host,
              http: {
                paths: [
                  { path: "/", pathType: "Prefix", backend: { service: { name, port: { name: "http" } } } },
                ],
              },
            },
          ],
        },
      });
    }
    if (autoscaled(w) && w.maxReplicas !== undefined) {
      new k8s.KubeHorizontalPodAutoscalerV2(scope, "autoscaler", {
        metadata: meta,
        spec: {
          scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name },
          minReplicas: w.replicas,
          maxReplicas: w.maxReplicas,
          metrics: [
            {
              type: "Resource",
              resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } },
            },
          ],
        },
      });
    }
    if (service.essential) {
      // Of the record's replicas (the autoscaler's floor) one may go at a time; above the floor the
      // autoscaler's extra pods may go too, never below replicas - 1.
      new k8s.KubePodDisruptionBudget(scope, "disruption-budget", {
        metadata: meta,
        spec: {
          minAvailable: k8s.IntOrString.fromNumber(Math.max(1, w.replicas - 1)),
          selector: { matchLabels: selector },
        },
      });
    }
    new k8s.KubeNetworkPolicy(scope, "network-policy", {
      metadata: meta,
      spec: {
        podSelector: { matchLabels: selector },
        policyTypes: w.dependsOn.length > 0 ? ["Ingress", "Egress"] : ["Ingress"],
        ingress: [
          {
            from: [{ namespaceSelector: {}, podSelector: { matchLabels: { [callsLabel(name)]: "true" } } }],
            ports: [{ protocol: "TCP", port: k8s.IntOrString.fromNumber(w.port) }],
          },
        ],
        ...(w.dependsOn.length > 0
          ? {
              egress: w.dependsOn.map((dep) => ({
                to: [
                  { namespaceSelector: {}, podSelector: { matchLabels: { "app.kubernetes.io/name": dep } } },
                ],
              })),
            }
          : {}),
      },
    });
  });
}
