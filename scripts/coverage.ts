// Entry point: load the inventory, stop on problems, otherwise analyse and render. Thin by design;
// the work lives in model/ and reports/. See `scripts/coverage --help`.
import { join } from "node:path";
import { reportSummary, reportView } from "../reports/build.ts";
import type { Chunks } from "../reports/chunks.ts";
import { netboxSitesCsvChunks } from "../reports/netbox-csv.ts";
import { ofdsChunks, toOfdsPackage } from "../reports/ofds/package.ts";
import { validateOfdsPackage } from "../reports/ofds/validate.ts";
import { isSummaryFormat, renderSummary, reportChunks } from "../reports/render.ts";
import { ROOT } from "../toolchain/paths.ts";
import { type CoverageArgs, parseCoverageArgs, USAGE } from "./coverage-args.ts";
import {
  exitQuietlyOnClosedPipe,
  fail,
  loadNetworkInventoryOrExit,
  parseArgsOrExit,
  writeOutputOrExit,
} from "./lib/cli.ts";

exitQuietlyOnClosedPipe();

const args: CoverageArgs = parseArgsOrExit(parseCoverageArgs, USAGE);

// Progress for people watching a terminal (a national inventory takes tens of seconds); pipes and CI
// logs get only the result.
const started = performance.now();
const progress = (message: string): void => {
  if (process.stderr.isTTY) {
    process.stderr.write(`[coverage ${((performance.now() - started) / 1000).toFixed(1)} s] ${message}\n`);
  }
};

const inventoryPath = args.inventory ?? join(ROOT, "inventory");
progress(`loading ${inventoryPath}`);
const inventory = await loadNetworkInventoryOrExit(inventoryPath, "nothing written");
progress(
  `loaded ${inventory.sites.length} sites and ${inventory.links.length} links; ` +
    `next: ${args.output.kind === "export" ? `export ${args.output.format}` : `analyses, then the ${args.output.format} report`}`,
);

let chunks: Chunks;
if (args.output.kind === "export" && args.output.format === "ofds") {
  const ofds = toOfdsPackage(inventory);
  // Validate before writing: an invalid package must never reach a publisher.
  const validation = validateOfdsPackage(ofds);
  if (!validation.valid)
    fail(`OFDS export does not validate against the 0.3 schema:\n${validation.errors.join("\n")}`);
  chunks = ofdsChunks(ofds);
} else if (args.output.kind === "export") {
  chunks = netboxSitesCsvChunks(reportView(inventory));
} else if (isSummaryFormat(args.output.format)) {
  // The default table at national scale: no need to build a row per site that it never prints.
  chunks = [renderSummary(reportSummary(inventory), args.output.format)];
} else {
  chunks = reportChunks(reportView(inventory), args.output.format);
}

await writeOutputOrExit(chunks, args.out);
progress("written");
if (args.out) process.stderr.write(`wrote ${args.out}\n`);
