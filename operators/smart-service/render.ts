// A SmartService's children: the shared workload chart (the same function the stacks call),
// each manifest given an owner reference to the SmartService (garbage collection deletes the
// children with it), the owner label the informers select on, and a digest of the rendering.
import { createHash } from "node:crypto";
import type { Manifest } from "../../charts/labels.ts";
import { serviceWorkload } from "../../charts/service-workload.ts";
import type { Service, ServiceWorkload } from "../../model/types.ts";
import { API_VERSION, APPLIED_ANNOTATION, CHILD_KINDS, KIND, OWNER_LABEL, type SmartService } from "./api.ts";

/** A SmartService's spec: a catalog record without id (the object's name) and provenance, and
 * with its workload (charts/crds/smart-service.ts). */
export type SmartServiceSpec = Omit<Service, "id" | "provenance" | "workload"> & {
  workload: ServiceWorkload;
};

/** The one place the chart is called (the same function the stacks call for the workload). */
function workload(ss: SmartService<SmartServiceSpec>, namespace: string, name: string): Manifest[] {
  return serviceWorkload({ ...ss.spec, id: name }, { namespace });
}

export class RenderError extends Error {}

export function renderChildren(ss: SmartService<SmartServiceSpec>): Manifest[] {
  const name = ss.metadata?.name;
  const namespace = ss.metadata?.namespace;
  const uid = ss.metadata?.uid;
  if (!name || !namespace || !uid) throw new RenderError("SmartService without name, namespace or uid");
  let manifests: Manifest[];
  try {
    manifests = workload(ss, namespace, name);
  } catch (err) {
    throw new RenderError(`the workload chart refused the spec: ${(err as Error).message}`);
  }
  const owner = {
    apiVersion: API_VERSION,
    kind: KIND,
    name,
    uid,
    controller: true,
    blockOwnerDeletion: true,
  };
  return manifests.map((m) => {
    if (!CHILD_KINDS.some((k) => k.apiVersion === m.apiVersion && k.kind === m.kind)) {
      throw new RenderError(`the chart renders ${m.apiVersion} ${m.kind}, which the operator does not watch`);
    }
    if (m.metadata.namespace !== namespace) {
      throw new RenderError(
        `${m.kind}/${m.metadata.name} is not in the SmartService's namespace ${namespace}`,
      );
    }
    const digest = createHash("sha256").update(JSON.stringify(m)).digest("hex").slice(0, 16);
    return {
      ...m,
      metadata: {
        ...m.metadata,
        labels: { ...m.metadata.labels, [OWNER_LABEL]: name },
        annotations: { ...m.metadata.annotations, [APPLIED_ANNOTATION]: digest },
        ownerReferences: [owner],
      },
    };
  });
}

/** True when every field of `want` has the same value in `have` (arrays element by element, same
 * length): applying `want` would change nothing the operator owns. */
export function covers(have: unknown, want: unknown): boolean {
  if (want === null || typeof want !== "object") return have === want;
  if (Array.isArray(want)) {
    return Array.isArray(have) && have.length === want.length && want.every((w, i) => covers(have[i], w));
  }
  if (have === null || typeof have !== "object" || Array.isArray(have)) return false;
  const h = have as Record<string, unknown>;
  return Object.entries(want as Record<string, unknown>).every(
    ([k, v]) => v === undefined || covers(h[k], v),
  );
}
