// Per-container rules: resource requests and limits, and images pinned to what was reviewed.
import { type Container, containers, obj, str, type Workload } from "./objects.ts";
import { workloadRule } from "./workload-rule.ts";

const RESOURCES = ["cpu", "memory"] as const;

/** Without requests the scheduler overcommits a node; without limits one OPD can starve the rest. */
export const requestsAndLimits = workloadRule({
  id: "k8s-requests-limits",
  severity: "high",
  description: "Every container sets CPU and memory requests and limits.",
  source: "Kubernetes resource management; tenant isolation on the shared cluster",
  enforcement: { twin: "mandatory", production: "mandatory" },
  check(w, report) {
    for (const c of containers(w.podSpec)) {
      if (c.field === "ephemeralContainers") continue; // debug containers may not set resources
      const res = obj(c.spec.resources) ?? {};
      const missing: string[] = [];
      for (const kind of ["requests", "limits"] as const)
        for (const name of RESOURCES)
          if (obj(res[kind])?.[name] === undefined) missing.push(`${kind}.${name}`);
      if (missing.length) report(`container "${c.name}": set resources.${missing.join(", resources.")}`);
    }
  },
});

export interface ImageReference {
  repository: string;
  tag?: string;
  digest?: string;
}

/** Splits `registry:5000/team/app:1.2@sha256:…`; the registry's port is not a tag. */
export function parseImage(image: string): ImageReference {
  const [rest, digest] = image.split("@", 2) as [string, string | undefined];
  const slash = rest.lastIndexOf("/");
  const colon = rest.lastIndexOf(":");
  const hasTag = colon > slash;
  return {
    repository: hasTag ? rest.slice(0, colon) : rest,
    ...(hasTag ? { tag: rest.slice(colon + 1) } : {}),
    ...(digest ? { digest } : {}),
  };
}

/** Each container's image as written ("" when it sets none), and read. */
function images(w: Workload): { c: Container; image: string; ref: ImageReference }[] {
  return containers(w.podSpec).map((c) => {
    const image = str(c.spec.image) ?? "";
    return { c, image, ref: parseImage(image) };
  });
}

/** A moving tag deploys something nobody reviewed, and a rollback may not bring the old code back. */
export const imagePinned = workloadRule({
  id: "k8s-image-pinned",
  severity: "high",
  description: "Every image names an explicit version: a tag other than `latest`, or a digest.",
  source: "Supply-chain practice (reviewable, repeatable deployments)",
  enforcement: { twin: "mandatory", production: "mandatory" },
  check(w, report) {
    for (const { c, image, ref } of images(w)) {
      if (ref.digest) continue;
      if (image === "") report(`container "${c.name}": set an image with a version tag or digest`);
      else if (ref.tag === undefined || ref.tag === "latest")
        report(
          `container "${c.name}": image ${image} ${ref.tag ? "uses the tag latest" : "has no tag"}; ` +
            `pin a version (${ref.repository}:<version>) or a digest (${ref.repository}@sha256:…)`,
        );
    }
  },
});

/** A tag can be pushed again; only a digest names exactly the bytes that were scanned and approved. */
export const imageDigest = workloadRule({
  id: "k8s-image-digest",
  severity: "low",
  description: "Images are pinned by digest (a tag can be re-pushed).",
  source: "Supply-chain practice",
  enforcement: { twin: "advisory", production: "advisory" },
  check(w, report) {
    for (const { c, image, ref } of images(w)) {
      if (!ref.digest && image !== "")
        report(
          `container "${c.name}": pin ${image} by digest (${ref.repository}${ref.tag ? `:${ref.tag}` : ""}@sha256:…)`,
        );
    }
  },
});
