// Pod Security Standards (kubernetes.io/docs/concepts/security/pod-security-standards), checked on
// the manifest before it reaches the API server: the admission controller would refuse such a pod
// only when the Deployment's ReplicaSet tries to create it, long after `pulumi up` said "updated".
import type { ResourceRule } from "../rule.ts";
import { type Container, containers, list, obj, objects, str } from "./objects.ts";
import { workloadRule } from "./workload-rule.ts";

/** The only capability `restricted` lets a container add. */
const ALLOWED_ADD = new Set(["NET_BIND_SERVICE"]);
/** Volume types `restricted` allows (everything else, hostPath first, is refused). */
const RESTRICTED_VOLUMES = new Set([
  "configMap",
  "csi",
  "downwardAPI",
  "emptyDir",
  "ephemeral",
  "image",
  "persistentVolumeClaim",
  "projected",
  "secret",
]);
/** Sysctls `baseline` allows (namespaced and isolated from the node). */
const SAFE_SYSCTLS = new Set([
  "kernel.shm_rmid_forced",
  "net.ipv4.ip_local_port_range",
  "net.ipv4.ip_unprivileged_port_start",
  "net.ipv4.tcp_syncookies",
  "net.ipv4.ping_group_range",
  "net.ipv4.ip_local_reserved_ports",
  "net.ipv4.tcp_keepalive_time",
  "net.ipv4.tcp_fin_timeout",
  "net.ipv4.tcp_keepalive_intvl",
  "net.ipv4.tcp_keepalive_probes",
]);

/** How messages name a container: `container "portal" (spec.template.spec.containers[])`. */
function where(w: { podSpecPath: string }, c: Container): string {
  return `container "${c.name}" (${w.podSpecPath}.${c.field}[])`;
}

/** Privileged mode and everything that reaches into the node: namespaces, paths, ports, capabilities. */
export const noHostAccess = workloadRule({
  id: "k8s-no-host-access",
  severity: "critical",
  description:
    "Workloads run unprivileged and share nothing with the node (network, PID, IPC, paths, ports).",
  source: "Pod Security Standards baseline; BSSN 4/2021 (SPBE security)",
  enforcement: { twin: "mandatory", production: "mandatory" },
  check(w, report) {
    const spec = w.podSpec;
    for (const field of ["hostNetwork", "hostPID", "hostIPC"]) {
      if (spec[field] === true) report(`remove ${w.podSpecPath}.${field} (or set it to false)`);
    }
    for (const vol of objects(spec.volumes)) {
      if (vol.hostPath !== undefined)
        report(
          `volume "${str(vol.name) ?? "?"}" mounts a hostPath; use an emptyDir, ` +
            "a ConfigMap/Secret or a PersistentVolumeClaim instead",
        );
    }
    for (const c of containers(spec)) {
      const sc = obj(c.spec.securityContext) ?? {};
      if (sc.privileged === true) report(`${where(w, c)}: remove securityContext.privileged: true`);
      const added = list(obj(sc.capabilities)?.add)
        .map(String)
        .filter((cap) => !ALLOWED_ADD.has(cap.replace(/^CAP_/, "")));
      if (added.length)
        report(
          `${where(w, c)}: do not add capabilities ${added.join(", ")} (only NET_BIND_SERVICE may be added)`,
        );
      if (sc.procMount !== undefined && sc.procMount !== "Default")
        report(`${where(w, c)}: set securityContext.procMount to Default`);
      for (const p of list(c.spec.ports)) {
        const hostPort = obj(p)?.hostPort;
        if (typeof hostPort === "number" && hostPort !== 0)
          report(`${where(w, c)}: remove hostPort ${hostPort}; expose the port through a Service`);
      }
    }
  },
});

/** Seccomp profile of a security context is acceptable for `restricted`. */
function seccompOk(sc: Record<string, unknown> | undefined): boolean | undefined {
  const type = str(obj(sc?.seccompProfile)?.type);
  if (type === undefined) return undefined;
  return type === "RuntimeDefault" || type === "Localhost";
}

/** The rest of `restricted`: non-root, seccomp, no escalation, all capabilities dropped, safe volumes. */
export const podSecurityRestricted = workloadRule({
  id: "k8s-pod-security-restricted",
  severity: "high",
  description:
    "Workloads meet Pod Security `restricted` (non-root, seccomp, no privilege escalation, caps dropped).",
  source: "Pod Security Standards restricted (Kubernetes 1.36)",
  enforcement: { twin: "mandatory", production: "mandatory" },
  check(w, report) {
    const spec = w.podSpec;
    const podSc = obj(spec.securityContext) ?? {};
    for (const vol of objects(spec.volumes)) {
      const type = Object.keys(vol).find((k) => k !== "name");
      if (type && type !== "hostPath" && !RESTRICTED_VOLUMES.has(type))
        report(
          `volume "${str(vol.name) ?? "?"}" is of type ${type}; restricted allows ` +
            `${[...RESTRICTED_VOLUMES].join(", ")}`,
        );
    }
    for (const sysctl of list(podSc.sysctls)) {
      const name = str(obj(sysctl)?.name) ?? "";
      if (!SAFE_SYSCTLS.has(name))
        report(`remove the unsafe sysctl ${name} from ${w.podSpecPath}.securityContext`);
    }
    if (podSc.runAsUser === 0) report(`${w.podSpecPath}.securityContext.runAsUser is 0; use a non-zero UID`);
    const podNonRoot = podSc.runAsNonRoot === true;
    const podSeccomp = seccompOk(podSc);
    if (podSeccomp === false)
      report(`set ${w.podSpecPath}.securityContext.seccompProfile.type to RuntimeDefault (or Localhost)`);
    for (const c of containers(spec)) {
      const sc = obj(c.spec.securityContext) ?? {};
      if (sc.allowPrivilegeEscalation !== false)
        report(`${where(w, c)}: set securityContext.allowPrivilegeEscalation to false`);
      const nonRoot = sc.runAsNonRoot ?? (podNonRoot ? true : undefined);
      if (nonRoot !== true)
        report(
          `${where(w, c)}: set securityContext.runAsNonRoot to true (here or in ${w.podSpecPath}.securityContext)`,
        );
      if (sc.runAsUser === 0) report(`${where(w, c)}: securityContext.runAsUser is 0; use a non-zero UID`);
      const seccomp = seccompOk(sc) ?? podSeccomp;
      if (seccomp !== true)
        report(
          `${where(w, c)}: set securityContext.seccompProfile.type to RuntimeDefault ` +
            `(here or in ${w.podSpecPath}.securityContext)`,
        );
      const drop = list(obj(sc.capabilities)?.drop).map(String);
      if (!drop.includes("ALL")) report(`${where(w, c)}: set securityContext.capabilities.drop to ["ALL"]`);
      const appArmor = str(obj(sc.appArmorProfile)?.type) ?? str(obj(podSc.appArmorProfile)?.type);
      if (appArmor === "Unconfined")
        report(`${where(w, c)}: appArmorProfile Unconfined is not allowed; use RuntimeDefault`);
      const seLinux = obj(sc.seLinuxOptions) ?? obj(podSc.seLinuxOptions);
      if (seLinux && (seLinux.user !== undefined || seLinux.role !== undefined))
        report(`${where(w, c)}: remove seLinuxOptions.user and seLinuxOptions.role`);
    }
  },
});

/** A namespace the stack creates enforces `restricted`, so nothing weaker gets in another way. */
export const namespacePodSecurity: ResourceRule = {
  kind: "resource",
  id: "k8s-namespace-pod-security",
  severity: "high",
  description: "Every namespace the stack creates enforces Pod Security `restricted`.",
  source: "Pod Security Admission",
  enforcement: { twin: "mandatory", production: "mandatory" },
  check(r) {
    if (r.type !== "kubernetes:core/v1:Namespace") return [];
    const meta = obj(r.props.metadata) ?? {};
    const labels = obj(meta.labels) ?? {};
    const level = labels["pod-security.kubernetes.io/enforce"];
    if (level === "restricted") return [];
    return [
      `Namespace ${str(meta.name) ?? r.name}: set the label pod-security.kubernetes.io/enforce: restricted` +
        (level === undefined ? "" : ` (it is ${String(level)})`),
    ];
  },
};
