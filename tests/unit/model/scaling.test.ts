// The loader must stay linear: the benchmark runs it on inventories up to 500k sites. Timing tests
// are noisy on a shared machine, so this compares two sizes in one run and allows generous slack
// (linear is 4x, quadratic would be 16x).
import { describe, expect, it } from "vitest";
import { parseInventory } from "../../../model/load/index.ts";
import { realFiles } from "./inventory-fixture.ts";

const BASE = realFiles();

/** The real inventory plus `n` extra operational schools in Wolio, each with its access link;
 * every `typoEvery`-th one carries a misspelt status so the problem path is exercised too. */
function synthetic(n: number, typoEvery = 0): Record<string, string> {
  const sites: string[] = [];
  const links: string[] = [];
  for (let i = 0; i < n; i++) {
    const status = typoEvery > 0 && i % typoEvery === 0 ? "operatonal" : "operational";
    sites.push(
      `  - id: sd-synthetic-${i}`,
      `    name: SD Sintetis ${i}`,
      "    category: school",
      "    level: SD",
      "    authority: city",
      "    tenant: dikpora",
      "    kecamatan: wolio",
      "    kelurahan: wale",
      `    location: { lat: -5.47${i % 10}, lon: 122.64${i % 10} }`,
      "    connection:",
      `      status: ${status}`,
      "      medium: fiber",
      "      access: gpon",
      "      pop: pop-wolio",
      "    provenance:",
      '      source: "synthetic"',
      "      illustrative: true",
      "      asOf: 2026-11-01",
    );
    links.push(
      `  - id: pop-wolio--sd-synthetic-${i}`,
      "    a: pop-wolio",
      `    b: sd-synthetic-${i}`,
      "    tier: access",
      "    status: operational",
      "    deployment: aerial",
      "    fiber: G.652.D",
      "    cores: 2",
      "    lengthKm: 1.2",
      "    wavelengthNm: 1310",
      "    splices: 2",
      "    connectors: 2",
      '    splitters: ["1:8"]',
      "    budgetDb: 28",
      "    srlg: [entry-pop-wolio]",
      "    provenance:",
      '      source: "synthetic"',
      "      illustrative: true",
      "      asOf: 2026-11-01",
    );
  }
  const wolio = `${BASE["inventory/sites/wolio.yaml"]}${sites.join("\n")}\n`;
  const access = `${BASE["inventory/links/access.yaml"]}${links.join("\n")}\n`;
  return { ...BASE, "inventory/sites/wolio.yaml": wolio, "inventory/links/access.yaml": access };
}

function timed(files: Record<string, string>): { ms: number; problems: number } {
  const started = performance.now();
  const result = parseInventory(files);
  return { ms: performance.now() - started, problems: result.ok ? 0 : result.problems.length };
}

describe("loader scaling", () => {
  it("loads 4x the sites in well under 16x the time, clean and with problems", () => {
    timed(synthetic(2_000)); // warm up the JIT so the small run is not penalised
    const small = timed(synthetic(5_000));
    const large = timed(synthetic(20_000));
    expect(small.problems).toBe(0);
    expect(large.problems).toBe(0);
    expect(large.ms / small.ms).toBeLessThan(10);

    const smallBad = timed(synthetic(5_000, 100));
    const largeBad = timed(synthetic(20_000, 100));
    expect(smallBad.problems).toBe(50);
    expect(largeBad.problems).toBe(200);
    expect(largeBad.ms / smallBad.ms).toBeLessThan(10);
  }, 120_000);
});
