// Per-container rules: resource requests and limits, and images pinned to what was reviewed.
import type { ResourceRule } from "../rule.ts";
import { containers, describeWorkload, obj, str, workload } from "./objects.ts";

const RESOURCES = ["cpu", "memory"] as const;

/** Without requests the scheduler overcommits a node; without limits one OPD can starve the rest. */
export const requestsAndLimits: ResourceRule = {
  kind: "resource",
  id: "k8s-requests-limits",
  severity: "high",
  description: "Every container sets CPU and memory requests and limits.",
  source: "Kubernetes resource management; tenant isolation on the shared cluster",
  enforcement: { twin: "mandatory", production: "mandatory" },
  check(r) {
    const w = workload(r);
    if (!w) return [];
    const out: string[] = [];
    for (const c of containers(w.podSpec)) {
      if (c.field === "ephemeralContainers") continue; // debug containers may not set resources
      const res = obj(c.spec.resources) ?? {};
      const missing: string[] = [];
      for (const kind of ["requests", "limits"] as const)
        for (const name of RESOURCES)
          if (obj(res[kind])?.[name] === undefined) missing.push(`${kind}.${name}`);
      if (missing.length)
        out.push(
          `${describeWorkload(w)}: container "${c.name}": set resources.${missing.join(", resources.")}`,
        );
    }
    return out;
  },
};

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

function images(r: Parameters<ResourceRule["check"]>[0]) {
  const w = workload(r);
  if (!w) return [];
  return containers(w.podSpec).map((c) => ({ w, c, image: str(c.spec.image) ?? "" }));
}

/** A moving tag deploys something nobody reviewed, and a rollback may not bring the old code back. */
export const imagePinned: ResourceRule = {
  kind: "resource",
  id: "k8s-image-pinned",
  severity: "high",
  description: "Every image names an explicit version: a tag other than `latest`, or a digest.",
  source: "Supply-chain practice (reviewable, repeatable deployments)",
  enforcement: { twin: "mandatory", production: "mandatory" },
  check(r) {
    const out: string[] = [];
    for (const { w, c, image } of images(r)) {
      const ref = parseImage(image);
      if (ref.digest) continue;
      if (image === "")
        out.push(`${describeWorkload(w)}: container "${c.name}": set an image with a version tag or digest`);
      else if (ref.tag === undefined || ref.tag === "latest")
        out.push(
          `${describeWorkload(w)}: container "${c.name}": image ${image} ${ref.tag ? "uses the tag latest" : "has no tag"}; ` +
            `pin a version (${ref.repository}:<version>) or a digest (${ref.repository}@sha256:…)`,
        );
    }
    return out;
  },
};

/** A tag can be pushed again; only a digest names exactly the bytes that were scanned and approved. */
export const imageDigest: ResourceRule = {
  kind: "resource",
  id: "k8s-image-digest",
  severity: "low",
  description: "Images are pinned by digest (a tag can be re-pushed).",
  source: "Supply-chain practice",
  enforcement: { twin: "advisory", production: "advisory" },
  check(r) {
    const out: string[] = [];
    for (const { w, c, image } of images(r)) {
      const ref = parseImage(image);
      if (!ref.digest && image !== "")
        out.push(
          `${describeWorkload(w)}: container "${c.name}": pin ${image} by digest ` +
            `(${ref.repository}${ref.tag ? `:${ref.tag}` : ""}@sha256:…)`,
        );
    }
    return out;
  },
};
