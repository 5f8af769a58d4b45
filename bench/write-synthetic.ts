// Writes a synthetic inventory to disk (the context YAML and the network file), to try
// `scripts/coverage --inventory DIR/network.json` at national scale with the data the benchmark uses.
//
//   npx tsx bench/write-synthetic.ts --sites 500000 --dir out/synthetic-500k [--format ofds|ndjson] [--seed 7472]
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import {
  generateInventoryFiles,
  NETWORK_FORMATS,
  type SyntheticFormat,
} from "./synthetic/inventory-files.ts";

const { values } = parseArgs({
  options: {
    sites: { type: "string" },
    dir: { type: "string" },
    seed: { type: "string" },
    format: { type: "string", default: "ofds" },
  },
});
if (!values.sites || !values.dir || !(NETWORK_FORMATS as readonly string[]).includes(values.format)) {
  process.stderr.write(
    `usage: npx tsx bench/write-synthetic.ts --sites N --dir DIR [--format ${NETWORK_FORMATS.join("|")}] [--seed S]\n`,
  );
  process.exit(2);
}
const { files, bytes } = generateInventoryFiles(
  Number(values.sites),
  values.seed ? Number(values.seed) : undefined,
  values.format as SyntheticFormat,
);
mkdirSync(values.dir, { recursive: true });
for (const [name, text] of Object.entries(files)) writeFileSync(join(values.dir, name), text);
process.stderr.write(
  `wrote ${Object.keys(files).length} files to ${values.dir}; the network file is ${(bytes / 1e6).toFixed(0)} MB\n`,
);
