// Validates the inventory: `scripts/validate [dir]`. Prints counts, or every problem in
// compiler format and exits 1, so CI and editors can point at file:line:column.
import { join } from "node:path";
import { formatProblems, loadInventory } from "../model/load/index.ts";
import { ROOT } from "../toolchain/paths.ts";

// The project's inventory by default, wherever the command is run from.
const dir = process.argv[2] ?? join(ROOT, "inventory");
const started = performance.now();
const result = await loadInventory(dir);
const ms = Math.round(performance.now() - started);

if (!result.ok) {
  console.error(formatProblems(result.problems));
  const n = result.problems.length;
  console.error(`\n${n} problem${n === 1 ? "" : "s"} in ${dir} (${ms} ms)`);
  process.exit(1);
}

const inv = result.inventory;
const byStatus = new Map<string, number>();
for (const s of inv.sites) byStatus.set(s.connection.status, (byStatus.get(s.connection.status) ?? 0) + 1);
const kelurahan = inv.city.kecamatan.reduce((n, k) => n + k.kelurahan.length, 0);
console.log(`OK ${dir} (${ms} ms)`);
console.log(
  `  city      ${inv.city.name} (${inv.city.code}): ${inv.city.kecamatan.length} kecamatan, ${kelurahan} kelurahan`,
);
console.log(`  tenants   ${inv.tenants.length}`);
console.log(`  targets   ${inv.targets.length}`);
console.log(`  sites     ${inv.sites.length} (${[...byStatus].map(([s, n]) => `${s} ${n}`).join(", ")})`);
console.log(`  links     ${inv.links.length}`);
const dc = inv.datacenter;
console.log(
  `  dc        ${dc.id}: ${dc.components.length} components, ${dc.racks.length} racks, ${dc.servers.length} servers, ${dc.clusters.length} clusters`,
);
