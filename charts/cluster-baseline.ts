// What every cluster of the data center has before any tenant: the priority classes workloads are
// scheduled by (essential public services pre-empt the rest when a rack fails), the cluster-wide
// read-only role of the auditors (never secrets), and the city's CRDs.
import { k8s } from "cdk8s-plus-33";
import { fiberCrds } from "./crds/fiber.ts";
import { smartServiceCrd } from "./crds/smart-service.ts";
import { GROUP, type Manifest } from "./labels.ts";
import { PRIORITY_ESSENTIAL, PRIORITY_STANDARD } from "./service-workload.ts";
import { synth } from "./synth.ts";

export interface ClusterBaselineProps {
  /** Inventory cluster id. */
  cluster: string;
  /** Whether this cluster holds the fiber network's FiberSite/FiberLink objects. */
  fiberNetwork: boolean;
  /** Whether city services run here (then the SmartService CRD is installed). */
  services?: boolean;
  /** Identity-provider group of the auditors; default `baubau:auditors`. */
  auditorGroup?: string;
}

export const AUDITOR_CLUSTER_ROLE = "baubau:auditor";

const PRIORITIES = [
  {
    name: PRIORITY_ESSENTIAL,
    value: 100_000,
    description: "essential public services (inventory/services.yaml essential: true)",
  },
  { name: PRIORITY_STANDARD, value: 10_000, description: "every other city service" },
  { name: "baubau-batch", value: 1_000, description: "reports, backups and other work that can wait" },
];

export function clusterBaseline(props: ClusterBaselineProps): Manifest[] {
  const labels = {
    "app.kubernetes.io/part-of": "baubau-smartcity",
    "app.kubernetes.io/managed-by": "baubau-iac",
    [`${GROUP}/cluster`]: props.cluster,
  };
  return synth("cluster-baseline", (scope) => {
    for (const p of PRIORITIES) {
      new k8s.KubePriorityClass(scope, p.name, {
        metadata: { name: p.name, labels },
        value: p.value,
        globalDefault: false,
        preemptionPolicy: "PreemptLowerPriority",
        description: p.description,
      });
    }
    new k8s.KubeClusterRole(scope, "auditor", {
      metadata: { name: AUDITOR_CLUSTER_ROLE, labels },
      rules: [
        {
          apiGroups: [""],
          resources: ["namespaces", "nodes", "persistentvolumes", "resourcequotas", "limitranges", "events"],
          verbs: ["get", "list", "watch"],
        },
        {
          apiGroups: ["rbac.authorization.k8s.io"],
          resources: ["clusterroles", "clusterrolebindings"],
          verbs: ["get", "list", "watch"],
        },
        { apiGroups: ["scheduling.k8s.io"], resources: ["priorityclasses"], verbs: ["get", "list", "watch"] },
        {
          apiGroups: ["apiextensions.k8s.io"],
          resources: ["customresourcedefinitions"],
          verbs: ["get", "list", "watch"],
        },
        {
          apiGroups: [GROUP],
          resources: ["fibersites", "fiberlinks", "smartservices"],
          verbs: ["get", "list", "watch"],
        },
      ],
    });
    new k8s.KubeClusterRoleBinding(scope, "auditor-binding", {
      metadata: { name: AUDITOR_CLUSTER_ROLE, labels },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: AUDITOR_CLUSTER_ROLE },
      subjects: [
        {
          apiGroup: "rbac.authorization.k8s.io",
          kind: "Group",
          name: props.auditorGroup ?? "baubau:auditors",
        },
      ],
    });
    if (props.fiberNetwork) fiberCrds(scope);
  }).concat(props.services ? [smartServiceCrd()] : []);
}
