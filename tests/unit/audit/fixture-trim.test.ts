// scripts/audit-fixtures keeps what the report reads and drops the rest (that the report stays the
// same, the script checks on each capture before it writes).
import { describe, expect, it } from "vitest";
import { trimEvents, trimPreview } from "../../../scripts/lib/audit-fixtures.ts";

describe("trimming a saved preview", () => {
  const state = (extra: Record<string, unknown>) => ({
    urn: "urn:pulumi:twin::p::kubernetes:core/v1:Namespace::ns",
    type: "kubernetes:core/v1:Namespace",
    inputs: { metadata: { name: "ns" } },
    ...extra,
  });
  const raw = JSON.stringify({
    config: { "baubau:x": "1" },
    steps: [
      {
        op: "delete",
        urn: "urn:pulumi:twin::p::kubernetes:core/v1:Namespace::ns",
        oldState: state({
          outputs: { status: { phase: "Active" } },
          stackTrace: ["at f"],
          sourcePosition: "x.ts#1",
        }),
      },
    ],
    changeSummary: { delete: 1 },
  });

  it("drops each state's outputs, stack trace and source position, and keeps its inputs", () => {
    const trimmed = JSON.parse(trimPreview(raw));
    expect(trimmed.steps[0].oldState).toEqual(state({}));
    expect(trimmed.config).toEqual({ "baubau:x": "1" });
    expect(trimmed.changeSummary).toEqual({ delete: 1 });
  });

  it("keeps policy, summary and warning events, drops resource events and info/debug diagnostics", () => {
    const events = [
      { sequence: 1, preludeEvent: { config: {} } },
      { sequence: 2, resourcePreEvent: { metadata: { urn: "u" } } },
      {
        sequence: 3,
        policyEvent: { message: "m", policyName: "p", policyPackName: "k", enforcementLevel: "advisory" },
      },
      { sequence: 4, policyAnalyzeSummaryEvent: { policyPackName: "k", passed: ["a"] } },
      { sequence: 5, diagnosticEvent: { severity: "debug", message: "inputs echoed" } },
      { sequence: 6, diagnosticEvent: { severity: "warning", message: "w" } },
      { sequence: 7, summaryEvent: { resourceChanges: { delete: 1 } } },
    ];
    const kept = trimEvents(events.map((e) => JSON.stringify(e)).join("\n"))
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l).sequence);
    expect(kept).toEqual([3, 4, 6, 7]);
  });
});
