// The benchmark's synthetic inventory (bench/synthetic/) must stay valid as the loader tightens, and
// identical for a seed, or the benchmark silently measures something else. Kept with the report tests
// because the benchmark's last stage is the report.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateInventoryFiles, NETWORK_FORMATS } from "../../../bench/synthetic/inventory-files.ts";
import { formatProblems, parseInventory } from "../../../model/load/index.ts";

const digest = (files: Record<string, string>): string => {
  const hash = createHash("sha256");
  for (const name of Object.keys(files).sort())
    hash
      .update(name)
      .update("\0")
      .update(files[name] ?? "");
  return hash.digest("hex");
};

describe("synthetic benchmark inventory", () => {
  it.each(NETWORK_FORMATS)(
    "loads from %s without problems, with every site and link the generator made",
    (format) => {
      const { files, network } = generateInventoryFiles(1000, 7472, format);
      const result = parseInventory(files);
      if (!result.ok) throw new Error(formatProblems(result.problems.slice(0, 10)));
      expect(result.inventory.sites).toHaveLength(1000);
      const links =
        network.coreLinks.length +
        network.distributionLinks.length +
        [...network.accessLinks.values()].reduce((n, l) => n + l.length, 0);
      expect(result.inventory.links).toHaveLength(links);
    },
    // About 1 MB through the parsers (YAML the slowest): seconds on a CI machine busy with other suites.
    60_000,
  );

  it("is the same for the same seed and different for another", () => {
    const a = digest(generateInventoryFiles(2000, 7472).files);
    expect(digest(generateInventoryFiles(2000, 7472).files)).toBe(a);
    expect(digest(generateInventoryFiles(2000, 1).files)).not.toBe(a);
  });

  it("scales PoPs and cores with the number of sites", () => {
    const small = generateInventoryFiles(2000).network.shape;
    const large = generateInventoryFiles(40_000).network.shape;
    expect(small.pops).toBeGreaterThanOrEqual(10);
    expect(large.pops).toBe(200);
    expect(large.served + large.pops + large.cores).toBe(40_000);
    // Generating 40,000 sites is seconds of CPU: more than vitest's 5 s default on a loaded 2-core machine.
  }, 60_000);
});
