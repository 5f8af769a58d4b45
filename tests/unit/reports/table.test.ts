import { describe, expect, it } from "vitest";
import { reportSummary, reportView } from "../../../reports/build.ts";
import { renderMarkdown } from "../../../reports/markdown.ts";
import { renderReport, renderSummary } from "../../../reports/render.ts";
import { renderTerminal } from "../../../reports/table.ts";
import { fixtureInventory, fixtureView, TRICKY_NAME } from "./fixture.ts";

describe("terminal table", () => {
  const view = fixtureView();
  const text = renderTerminal(view);

  it("leads with the target line: required share, deadline, achieved share and the gap", () => {
    // In scope: the two schools (city + province) and the puskesmas; only the city school is covered.
    expect(text).toContain(
      "Target fiber-phase-1 (phase I): 70% of opd, school, puskesmas by 2028-12-31; now 33.3% (1/3), NOT MET: 2 more sites to connect.",
    );
  });

  it("shows the figure without province-run sites beside the full scope, labelled as what it is", () => {
    expect(view.headline?.withoutProvince).toEqual({ covered: 1, total: 2, ratio: 0.5 });
    expect(text).toMatch(/fiber-phase-1\s+│ 1\s+│ 3\s+│ 33\.3%\s+│ 70%\s+│ 2\s+│ 50\.0%/);
    // A target may include private sites, so "city-run only" would name something else.
    expect(text).toContain("Without province-run");
    expect(text).not.toMatch(/city-run only/i);
  });

  it("has no terminal colour codes", () => {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for ANSI escapes is the point
    expect(text).not.toMatch(/\u001b\[/);
  });
});

describe("Markdown", () => {
  it("escapes pipes in cells so a name cannot break the table", () => {
    const view = fixtureView();
    const first = view.byKecamatan[0];
    if (first) first.label = "Wolio | Baadia";
    const md = renderMarkdown(view);
    expect(md).toContain("| Wolio \\| Baadia |");
  });

  it("turns markup in names into entities, since GitHub renders inline HTML", () => {
    const md = renderMarkdown(fixtureView());
    expect(md).not.toContain("<script>");
    expect(md).toContain("&lt;script&gt;");
  });
});

describe("summary and full view", () => {
  it("print the same table and Markdown: the summary only leaves the per-record rows out", () => {
    const inventory = fixtureInventory();
    const summary = reportSummary(inventory);
    const view = reportView(inventory);
    expect("sites" in summary).toBe(false);
    expect(renderSummary(summary, "table")).toBe(renderReport(view, "table"));
    expect(renderSummary(summary, "md")).toBe(renderReport(view, "md"));
  });
});

describe("renderReport", () => {
  it("renders every format from the same view", () => {
    const view = fixtureView();
    expect(JSON.parse(renderReport(view, "json")).headline.id).toBe("fiber-phase-1");
    expect(JSON.parse(renderReport(view, "geojson")).type).toBe("FeatureCollection");
    expect(renderReport(view, "html")).toMatch(/^<!doctype html>/);
    expect(renderReport(view, "md")).toContain("# Fiber coverage report: Kota Baubau");
    expect(renderReport(view, "table")).toContain("Coverage by kecamatan");
    expect(renderReport(view, "json")).toContain(JSON.stringify(TRICKY_NAME));
  });
});
