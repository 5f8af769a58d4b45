import { describe, expect, it } from "vitest";
import { renderOfds, toOfdsPackage } from "../../../reports/ofds/package.ts";
import { validateOfdsPackage } from "../../../reports/ofds/validate.ts";
import { fixtureInventory } from "./fixture.ts";

describe("OFDS 0.3 export", () => {
  const inventory = fixtureInventory();
  const pkg = toOfdsPackage(inventory);
  const network = pkg.networks[0];

  it("validates against the official network package and network schemas", () => {
    const result = validateOfdsPackage(JSON.parse(JSON.stringify(pkg)));
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("rejects a package with a status outside the codelist and a missing network id", () => {
    const broken = JSON.parse(JSON.stringify(pkg));
    broken.networks[0].nodes[0].status = "live";
    delete broken.networks[0].id;
    const result = validateOfdsPackage(broken);
    expect(result.valid).toBe(false);
    expect(result.errors.some((e) => e.startsWith("/networks/0/nodes/0/status"))).toBe(true);
    expect(result.errors.some((e) => e.includes("'id'"))).toBe(true);
  });

  it("rejects a span route with a geometry type outside the codelist", () => {
    const broken = JSON.parse(JSON.stringify(pkg));
    broken.networks[0].spans[0].route.type = "Polygon";
    expect(validateOfdsPackage(broken).valid).toBe(false);
  });

  it("rejects identical duplicate nodes, as the schema's uniqueItems does, but in linear time", () => {
    const broken = JSON.parse(JSON.stringify(pkg));
    broken.networks[0].nodes.push({ ...broken.networks[0].nodes[1] });
    const result = validateOfdsPackage(broken);
    expect(result.valid).toBe(false);
    expect(result.errors.some((e) => e.startsWith("/networks/0/nodes must NOT have duplicate items"))).toBe(
      true,
    );
  });

  it("rejects a reused node id and a span end that names no node (OFDS rules the schema cannot state)", () => {
    const broken = JSON.parse(JSON.stringify(pkg));
    broken.networks[0].nodes.push({ ...broken.networks[0].nodes[0], name: "another" });
    broken.networks[0].spans[0].end = "no-such-node";
    const errors = validateOfdsPackage(broken).errors;
    expect(errors.some((e) => e.includes("is not unique within /networks/0/nodes"))).toBe(true);
    expect(errors).toContain('/networks/0/spans/0/end "no-such-node" names no node of this network');
  });

  it("validates a package of 100k nodes and spans (linear checks, not pairwise)", () => {
    const big = JSON.parse(JSON.stringify(pkg));
    const template = big.networks[0].nodes[0];
    big.networks[0].nodes = Array.from({ length: 100_000 }, (_, i) => ({ ...template, id: `n${i}` }));
    const span = big.networks[0].spans[0];
    big.networks[0].spans = Array.from({ length: 100_000 }, (_, i) => ({
      ...span,
      id: `s${i}`,
      start: `n${i}`,
      end: `n${(i + 1) % 100_000}`,
    }));
    expect(validateOfdsPackage(big)).toEqual({ valid: true, errors: [] });
    // No timed assertion (figures belong in bench/): pairwise uniqueItems would compare 5e9 pairs per
    // array and run for hours, which the test's timeout stops. Building and validating 200k records
    // takes seconds, over vitest's 5 s default on a loaded machine.
  }, 60_000);

  it("makes every site a node and every link a span joining existing nodes", () => {
    expect(network.nodes.map((n) => n.id).sort()).toEqual(inventory.sites.map((s) => s.id).sort());
    const ids = new Set(network.nodes.map((n) => n.id));
    expect(network.spans).toHaveLength(inventory.links.length);
    for (const span of network.spans) {
      expect(ids.has(span.start)).toBe(true);
      expect(ids.has(span.end)).toBe(true);
    }
  });

  it("maps deployment, fibre type and length from the link", () => {
    const span = network.spans.find((s) => s.id === "core-palagimata--pop-wolio");
    expect(span).toMatchObject({
      deployment: ["aboveGround"],
      fibreType: "G.652",
      fibreTypeDetails: { fibreSubtype: "G.652.D" },
      fibreCount: 12,
      fibreLength: 7.2,
    });
    expect(span?.route.coordinates[0]).toEqual([122.58, -5.49]);
  });

  it("writes the package as text that parses back to the same, valid package", () => {
    const parsed = JSON.parse(renderOfds(pkg));
    expect(parsed).toEqual(JSON.parse(JSON.stringify(pkg)));
    expect(validateOfdsPackage(parsed).valid).toBe(true);
  });

  it("keeps the network id stable between exports", () => {
    expect(toOfdsPackage(fixtureInventory()).networks[0].id).toBe(network.id);
    expect(network.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
