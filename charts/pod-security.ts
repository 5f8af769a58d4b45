// Pod Security "restricted", said once: the namespace labels that enforce it, and the pod and
// container settings every workload here runs with (non-root, RuntimeDefault seccomp, no
// privilege escalation, read-only root, no capabilities), spread over the rack zones.

export const RESTRICTED_NAMESPACE_LABELS: Record<string, string> = {
  "pod-security.kubernetes.io/enforce": "restricted",
  "pod-security.kubernetes.io/enforce-version": "latest",
  "pod-security.kubernetes.io/audit": "restricted",
  "pod-security.kubernetes.io/warn": "restricted",
};

export const RESTRICTED_POD_SECURITY = {
  runAsNonRoot: true,
  runAsUser: 10001,
  seccompProfile: { type: "RuntimeDefault" },
};

export const RESTRICTED_CONTAINER_SECURITY = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  capabilities: { drop: ["ALL"] },
};

/** One replica per zone as far as the zones allow (a soft rule: never blocks scheduling). */
export function spreadOverZones(selector: Record<string, string>): Record<string, unknown>[] {
  return [
    {
      maxSkew: 1,
      topologyKey: "topology.kubernetes.io/zone",
      whenUnsatisfiable: "ScheduleAnyway",
      labelSelector: { matchLabels: selector },
    },
  ];
}
