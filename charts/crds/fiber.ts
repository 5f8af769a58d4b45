// FiberSite and FiberLink: the inventory's sites and links as cluster-scoped objects of the management
// cluster, so dashboards and probes read the network from the Kubernetes API. The spec is the
// inventory record itself, its schema generated from the loader's zod schema.
import type { Construct } from "constructs";
import { recordCrdSchema } from "../../model/schema/json-schema.ts";
import { crd } from "./crd.ts";

export const FIBER_VERSION = "v1alpha1";

export function fiberCrds(scope: Construct): void {
  crd(scope, {
    kind: "FiberSite",
    plural: "fibersites",
    shortNames: ["fs"],
    scope: "Cluster",
    version: FIBER_VERSION,
    specSchema: recordCrdSchema("site"),
    printColumns: [
      { name: "Category", type: "string", jsonPath: ".spec.category" },
      { name: "Kecamatan", type: "string", jsonPath: ".spec.kecamatan" },
      { name: "Status", type: "string", jsonPath: ".spec.connection.status" },
      { name: "Medium", type: "string", jsonPath: ".spec.connection.medium" },
      { name: "Authority", type: "string", jsonPath: ".spec.authority", description: "who runs the site" },
    ],
  });
  crd(scope, {
    kind: "FiberLink",
    plural: "fiberlinks",
    shortNames: ["fl"],
    scope: "Cluster",
    version: FIBER_VERSION,
    specSchema: recordCrdSchema("link"),
    printColumns: [
      { name: "A", type: "string", jsonPath: ".spec.a" },
      { name: "B", type: "string", jsonPath: ".spec.b" },
      { name: "Tier", type: "string", jsonPath: ".spec.tier" },
      { name: "Status", type: "string", jsonPath: ".spec.status" },
      { name: "Km", type: "number", jsonPath: ".spec.lengthKm" },
    ],
  });
}
