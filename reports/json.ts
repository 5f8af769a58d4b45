// Machine-readable report: the whole view, so dashboards and other tools read the same figures the
// humans see, and an auditor can check each one (every link's loss, budget, margin and band, every
// bridge and cut vertex). The summary is pretty-printed; the record lists follow, one compact record
// per line.
import { joinChunks, jsonLinesArray } from "./chunks.ts";
import type { ReportView } from "./view.ts";

export function* jsonChunks(view: ReportView): Generator<string> {
  const { sites, links, bridges, cutVertices, ...summary } = view;
  const head = JSON.stringify(summary, null, 2);
  // Reopen the summary object to append the two record arrays.
  yield `${head.slice(0, head.lastIndexOf("}")).trimEnd()},\n  "sites": `;
  yield* jsonLinesArray(sites, "    ", (s) => s);
  yield `,\n  "links": `;
  yield* jsonLinesArray(links, "    ", (l) => l);
  yield `,\n  "bridges": `;
  yield* jsonLinesArray(bridges, "    ", (b) => b);
  yield `,\n  "cutVertices": `;
  yield* jsonLinesArray(cutVertices, "    ", (c) => c);
  yield "\n}\n";
}

export function renderJson(view: ReportView): string {
  return joinChunks(jsonChunks(view));
}
