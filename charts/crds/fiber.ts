// FiberSite and FiberLink: the inventory's sites and links as cluster-scoped objects of the management
// cluster, so dashboards and probes read the network from the Kubernetes API. The spec is the
// inventory record itself, its schema generated from the loader's zod schema.
import type { Construct } from "constructs";
import { recordCrdSchema } from "../../model/schema/json-schema.ts";
import { type CrdProps, crd } from "./crd.ts";

export const FIBER_VERSION = "v1alpha1";

/** One inventory record kind: cluster-scoped, at FIBER_VERSION, its spec the record's schema. */
function recordCrd(
  scope: Construct,
  record: "site" | "link",
  names: Pick<CrdProps, "kind" | "plural" | "shortNames">,
  printColumns: CrdProps["printColumns"],
): void {
  crd(scope, {
    ...names,
    scope: "Cluster",
    version: FIBER_VERSION,
    specSchema: recordCrdSchema(record),
    printColumns,
  });
}

export function fiberCrds(scope: Construct): void {
  recordCrd(scope, "site", { kind: "FiberSite", plural: "fibersites", shortNames: ["fs"] }, [
    { name: "Category", type: "string", jsonPath: ".spec.category" },
    { name: "Kecamatan", type: "string", jsonPath: ".spec.kecamatan" },
    { name: "Status", type: "string", jsonPath: ".spec.connection.status" },
    { name: "Medium", type: "string", jsonPath: ".spec.connection.medium" },
    { name: "Authority", type: "string", jsonPath: ".spec.authority", description: "who runs the site" },
  ]);
  recordCrd(scope, "link", { kind: "FiberLink", plural: "fiberlinks", shortNames: ["fl"] }, [
    { name: "A", type: "string", jsonPath: ".spec.a" },
    { name: "B", type: "string", jsonPath: ".spec.b" },
    { name: "Tier", type: "string", jsonPath: ".spec.tier" },
    { name: "Status", type: "string", jsonPath: ".spec.status" },
    { name: "Km", type: "number", jsonPath: ".spec.lengthKm" },
  ]);
}
