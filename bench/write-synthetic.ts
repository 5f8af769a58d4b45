// Writes a synthetic inventory to disk, to try `scripts/coverage --inventory DIR` (or anything that reads
// an inventory directory) at national scale with the same data the benchmark uses.
//
//   npx tsx bench/write-synthetic.ts --sites 500000 --dir out/synthetic-500k [--seed 7472]
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { generateInventoryFiles } from "./synthetic/yaml-files.ts";

const { values } = parseArgs({
  options: { sites: { type: "string" }, dir: { type: "string" }, seed: { type: "string" } },
});
if (!values.sites || !values.dir) {
  process.stderr.write("usage: npx tsx bench/write-synthetic.ts --sites N --dir DIR [--seed S]\n");
  process.exit(1);
}
const { files, bytes } = generateInventoryFiles(
  Number(values.sites),
  values.seed ? Number(values.seed) : undefined,
);
for (const [name, text] of Object.entries(files)) {
  const path = join(values.dir, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}
process.stderr.write(
  `wrote ${Object.keys(files).length} files, ${(bytes / 1e6).toFixed(0)} MB, to ${values.dir}\n`,
);
