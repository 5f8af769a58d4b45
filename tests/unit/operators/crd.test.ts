import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  smartServiceCrd,
  smartServiceResource,
  smartServiceSpecSchema,
} from "../../../charts/crds/smart-service.ts";
import { loadInventory } from "../../../model/load/index.ts";
import { ROOT } from "../../../toolchain/paths.ts";

type S = Record<string, unknown> & { properties?: Record<string, S>; required?: string[]; pattern?: string };

function patterns(s: S, path = "spec"): [string, string][] {
  const own: [string, string][] = typeof s.pattern === "string" ? [[path, s.pattern]] : [];
  const items = s.items ? patterns(s.items as S, `${path}[]`) : [];
  return [
    ...own,
    ...items,
    ...Object.entries(s.properties ?? {}).flatMap(([k, v]) => patterns(v, `${path}.${k}`)),
  ];
}

describe("the SmartService CRD", () => {
  const crd = smartServiceCrd() as unknown as {
    metadata: { name: string };
    spec: {
      versions: {
        subresources: unknown;
        additionalPrinterColumns: { name: string }[];
        schema: { openAPIV3Schema: S };
      }[];
    };
  };
  const version = crd.spec.versions[0];
  const spec = smartServiceSpecSchema();

  it("is named plural.group, has a status subresource and the print columns Ready, Reason, Replicas, Age", () => {
    expect(crd.metadata.name).toBe("smartservices.smartcity.baubaukota.go.id");
    expect(version?.subresources).toEqual({ status: {} });
    const columns = version?.additionalPrinterColumns.map((c) => c.name);
    for (const c of ["Ready", "Reason", "Replicas", "Age"]) expect(columns).toContain(c);
  });

  it("has the catalog record's fields without id and provenance, and requires the workload", () => {
    expect(Object.keys(spec.properties ?? {})).not.toContain("id");
    expect(Object.keys(spec.properties ?? {})).not.toContain("provenance");
    expect(spec.required).toContain("workload");
    expect(spec.required).toContain("tenant");
    expect(spec.properties?.workload?.properties?.replicas).toMatchObject({
      type: "integer",
      minimum: 1,
      maximum: 50,
    });
  });

  it("every pattern is one Go's RE2 can run (no lookaround), and the image rule keeps refusing :latest", () => {
    for (const [path, p] of patterns(spec)) expect(p, path).not.toMatch(/\(\?[=!<]/);
    const image = spec.properties?.workload?.properties?.image as S;
    expect(new RegExp(String(image.pattern)).test("registry.baubaukota.go.id/a/b:1.0")).toBe(true);
    expect(JSON.stringify(image["x-kubernetes-validations"])).toContain("!self.endsWith(':latest')");
  });

  it("states the catalog's cross-field rules as CEL with the loader's messages", () => {
    const rules = JSON.stringify([
      spec["x-kubernetes-validations"],
      version?.schema.openAPIV3Schema["x-kubernetes-validations"],
    ]);
    expect(rules).toContain("an essential public service needs at least 2 replicas");
    expect(rules).toContain("only public services get a public host");
    expect(rules).toContain("a service cannot depend on itself");
  });

  it("a catalog service becomes a SmartService whose spec is the record without id and provenance", async () => {
    const loaded = await loadInventory(join(ROOT, "inventory"));
    if (!loaded.ok) throw new Error("inventory does not load");
    const service = loaded.inventory.services.find((s) => s.workload);
    if (!service) throw new Error("no service with a workload in the catalog");
    const cr = smartServiceResource(service, "tenant-ns") as unknown as {
      metadata: { name: string; namespace: string };
      spec: Record<string, unknown>;
    };
    expect(cr.metadata).toMatchObject({ name: service.id, namespace: "tenant-ns" });
    expect(cr.spec.workload).toEqual(service.workload);
    expect(cr.spec).not.toHaveProperty("id");
    expect(cr.spec).not.toHaveProperty("provenance");
    const national = loaded.inventory.services.find((s) => !s.workload);
    if (national) expect(() => smartServiceResource(national, "x")).toThrow(/no workload/);
  });
});
