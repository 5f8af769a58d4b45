// The per-resource Kubernetes rules, each on a workload that passes (the project's own chart) and on
// one that breaks it, with the message naming what to change.
import { describe, expect, it } from "vitest";
import {
  imageDigest,
  imagePinned,
  parseImage,
  requestsAndLimits,
} from "../../../policy/kubernetes/containers.ts";
import {
  namespacePodSecurity,
  noHostAccess,
  podSecurityRestricted,
} from "../../../policy/kubernetes/pod-security.ts";
import { smartService, tenantNamespace } from "./chart-fixtures.ts";
import { fromManifest, k8s, resourceViolations } from "./harness.ts";

const service = smartService({
  name: "portal",
  namespace: "kominfo",
  tenant: "diskominfo",
  image: "registry.baubaukota.go.id/kominfo/portal:1.0.0",
  port: 8080,
  replicas: 2,
  resources: { cpu: "250m", memory: "256Mi" },
  audience: "public",
});
const chartDeployment = service.find((m) => m.kind === "Deployment");
if (!chartDeployment) throw new Error("smart-service chart rendered no Deployment");

/** The chart's Deployment with its pod spec changed by `edit`. */
function deployment(edit: (pod: Record<string, any>) => void = () => {}) {
  const m = structuredClone(chartDeployment) as Record<string, any>;
  edit(m.spec.template.spec);
  return fromManifest(m as typeof chartDeployment & object);
}

/** The chart's Deployment running another image. */
function withImage(image: string) {
  return deployment((pod) => {
    pod.containers[0].image = image;
  });
}

describe("the smart-service chart's Deployment", () => {
  it.each([noHostAccess, podSecurityRestricted, requestsAndLimits, imagePinned])(
    "passes $id",
    async (rule) => {
      expect(await resourceViolations(rule, deployment())).toEqual([]);
    },
  );
});

describe("k8s-no-host-access", () => {
  it("reports privileged containers, host namespaces, hostPath, hostPort and added capabilities", async () => {
    const v = await resourceViolations(
      noHostAccess,
      deployment((pod) => {
        pod.hostNetwork = true;
        pod.hostPID = true;
        pod.volumes = [{ name: "root", hostPath: { path: "/" } }];
        const c = pod.containers[0];
        c.securityContext.privileged = true;
        c.securityContext.capabilities.add = ["SYS_ADMIN", "NET_BIND_SERVICE"];
        c.ports[0].hostPort = 80;
      }),
    );
    expect(v).toEqual([
      "Deployment kominfo/portal: remove spec.template.spec.hostNetwork (or set it to false)",
      "Deployment kominfo/portal: remove spec.template.spec.hostPID (or set it to false)",
      'Deployment kominfo/portal: volume "root" mounts a hostPath; use an emptyDir, a ConfigMap/Secret or a PersistentVolumeClaim instead',
      'Deployment kominfo/portal: container "portal" (spec.template.spec.containers[]): remove securityContext.privileged: true',
      'Deployment kominfo/portal: container "portal" (spec.template.spec.containers[]): do not add capabilities SYS_ADMIN (only NET_BIND_SERVICE may be added)',
      'Deployment kominfo/portal: container "portal" (spec.template.spec.containers[]): remove hostPort 80; expose the port through a Service',
    ]);
  });

  it("finds the pod template of every workload kind, and ignores kinds that run no pods", async () => {
    const pod = { containers: [{ name: "c", image: "x:1", securityContext: { privileged: true } }] };
    const kinds: [string, Record<string, unknown>][] = [
      ["core/v1:Pod", { metadata: { name: "p" }, spec: pod }],
      ["apps/v1:StatefulSet", { metadata: { name: "s" }, spec: { template: { spec: pod } } }],
      ["apps/v1:DaemonSet", { metadata: { name: "d" }, spec: { template: { spec: pod } } }],
      ["batch/v1:Job", { metadata: { name: "j" }, spec: { template: { spec: pod } } }],
      [
        "batch/v1:CronJob",
        { metadata: { name: "cj" }, spec: { jobTemplate: { spec: { template: { spec: pod } } } } },
      ],
    ];
    for (const [type, props] of kinds)
      expect(await resourceViolations(noHostAccess, k8s(type, props)), type).toHaveLength(1);
    expect(
      await resourceViolations(noHostAccess, k8s("core/v1:ConfigMap", { data: { privileged: "true" } })),
    ).toEqual([]);
  });
});

describe("k8s-pod-security-restricted", () => {
  it("names each missing restricted setting of each container", async () => {
    const v = await resourceViolations(
      podSecurityRestricted,
      deployment((pod) => {
        pod.securityContext = {};
        pod.volumes = [{ name: "nfs", nfs: { server: "nas", path: "/" } }];
        pod.initContainers = [{ name: "init", image: "x:1", securityContext: { runAsUser: 0 } }];
        delete pod.containers[0].securityContext.allowPrivilegeEscalation;
      }),
    );
    const at = (c: string, f: string) =>
      `Deployment kominfo/portal: container "${c}" (spec.template.spec.${f}[])`;
    expect(v).toEqual([
      expect.stringContaining('volume "nfs" is of type nfs; restricted allows configMap, csi'),
      `${at("init", "initContainers")}: set securityContext.allowPrivilegeEscalation to false`,
      `${at("init", "initContainers")}: set securityContext.runAsNonRoot to true (here or in spec.template.spec.securityContext)`,
      `${at("init", "initContainers")}: securityContext.runAsUser is 0; use a non-zero UID`,
      `${at("init", "initContainers")}: set securityContext.seccompProfile.type to RuntimeDefault (here or in spec.template.spec.securityContext)`,
      `${at("init", "initContainers")}: set securityContext.capabilities.drop to ["ALL"]`,
      `${at("portal", "containers")}: set securityContext.allowPrivilegeEscalation to false`,
      `${at("portal", "containers")}: set securityContext.runAsNonRoot to true (here or in spec.template.spec.securityContext)`,
      `${at("portal", "containers")}: set securityContext.seccompProfile.type to RuntimeDefault (here or in spec.template.spec.securityContext)`,
    ]);
  });

  it("takes runAsNonRoot and seccomp from the container when the pod does not set them", async () => {
    const v = await resourceViolations(
      podSecurityRestricted,
      deployment((pod) => {
        pod.securityContext = {};
        Object.assign(pod.containers[0].securityContext, {
          runAsNonRoot: true,
          seccompProfile: { type: "Localhost", localhostProfile: "p.json" },
        });
      }),
    );
    expect(v).toEqual([]);
  });
});

describe("k8s-namespace-pod-security", () => {
  const [ns] = tenantNamespace({
    name: "kominfo",
    tenant: "diskominfo",
    quota: { cpu: "1", memory: "1Gi", pods: 5 },
  });
  it("passes the tenant-namespace chart's Namespace", async () => {
    expect(
      await resourceViolations(namespacePodSecurity, fromManifest(ns as NonNullable<typeof ns>)),
    ).toEqual([]);
  });

  it("reports a namespace that enforces less than restricted, or nothing", async () => {
    const baseline = k8s("core/v1:Namespace", {
      metadata: { name: "ops", labels: { "pod-security.kubernetes.io/enforce": "baseline" } },
    });
    expect(await resourceViolations(namespacePodSecurity, baseline)).toEqual([
      "Namespace ops: set the label pod-security.kubernetes.io/enforce: restricted (it is baseline)",
    ]);
    const bare = k8s("core/v1:Namespace", { metadata: { name: "bare" } });
    expect(await resourceViolations(namespacePodSecurity, bare)).toEqual([
      "Namespace bare: set the label pod-security.kubernetes.io/enforce: restricted",
    ]);
  });
});

describe("k8s-requests-limits", () => {
  it("lists each missing request and limit", async () => {
    const v = await resourceViolations(
      requestsAndLimits,
      deployment((pod) => {
        pod.containers[0].resources = { requests: { cpu: "100m" } };
      }),
    );
    expect(v).toEqual([
      'Deployment kominfo/portal: container "portal": set resources.requests.memory, resources.limits.cpu, resources.limits.memory',
    ]);
  });
});

describe("image references", () => {
  it("tells a registry port from a tag", () => {
    expect(parseImage("registry:5000/team/app")).toEqual({ repository: "registry:5000/team/app" });
    expect(parseImage("registry:5000/team/app:1.2@sha256:ab")).toEqual({
      repository: "registry:5000/team/app",
      tag: "1.2",
      digest: "sha256:ab",
    });
  });
});

describe("k8s-image-pinned", () => {
  it("passes a digest (the chart's version tag passes above)", async () => {
    const digest = withImage("registry.baubaukota.go.id/app@sha256:0123");
    expect(await resourceViolations(imagePinned, digest)).toEqual([]);
  });

  it("reports latest and a missing tag, with the pinned form to use", async () => {
    const v = await resourceViolations(
      imagePinned,
      deployment((pod) => {
        pod.containers[0].image = "registry.baubaukota.go.id/app:latest";
        pod.initContainers = [{ name: "init", image: "busybox" }];
      }),
    );
    expect(v).toEqual([
      'Deployment kominfo/portal: container "init": image busybox has no tag; pin a version (busybox:<version>) or a digest (busybox@sha256:…)',
      'Deployment kominfo/portal: container "portal": image registry.baubaukota.go.id/app:latest uses the tag latest; pin a version (registry.baubaukota.go.id/app:<version>) or a digest (registry.baubaukota.go.id/app@sha256:…)',
    ]);
  });
});

describe("k8s-image-digest", () => {
  it("passes an image pinned by digest", async () => {
    const digest = withImage("registry.baubaukota.go.id/app:1.0@sha256:0123");
    expect(await resourceViolations(imageDigest, digest)).toEqual([]);
  });

  it("reports a tag without a digest", async () => {
    expect(await resourceViolations(imageDigest, deployment())).toEqual([
      'Deployment kominfo/portal: container "portal": pin registry.baubaukota.go.id/kominfo/portal:1.0.0 by digest (registry.baubaukota.go.id/kominfo/portal:1.0.0@sha256:…)',
    ]);
  });
});
