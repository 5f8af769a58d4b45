// Renders the HTML coverage report of the real inventory in a real headless Chromium and checks what a
// reader would see: one circle per site, kecamatan labels, the charts, and no network access at all.
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadInventory } from "../../model/load/index.ts";
import type { Inventory } from "../../model/types.ts";
import { reportView } from "../../reports/build.ts";
import { renderHtml } from "../../reports/html/page.ts";
import { STATUS_COLOUR } from "../../reports/html/palette.ts";
import type { ReportView } from "../../reports/view.ts";
import { type Browser, launchChromium } from "./helpers/chromium.ts";

// The probes below run inside Chromium, but this file is type-checked with Node's library, which has no
// DOM: these module-local declarations cover exactly the browser APIs the probes use.
interface ProbeBox {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface ProbeElement {
  textContent: string | null;
  getAttribute(name: string): string | null;
  getBBox(): ProbeBox;
  querySelectorAll(selector: string): Iterable<ProbeElement>;
  viewBox: { baseVal: ProbeBox };
}
declare const document: {
  getElementById(id: string): ProbeElement | null;
  querySelector(selector: string): ProbeElement | null;
  documentElement: { scrollWidth: number; clientWidth: number };
};
declare function getComputedStyle(element: unknown): { fill: string; strokeDasharray: string };

const root = resolve(import.meta.dirname, "../..");
const outDir = join(root, "out");

let inventory: Inventory;
let view: ReportView;
let context: BrowserContext;
let page: Page;
let browser: Browser | undefined;
const requests: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  const loaded = await loadInventory(join(root, "inventory"));
  if (!loaded.ok)
    throw new Error(`inventory has problems: ${loaded.problems.map((p) => p.message).join("; ")}`);
  inventory = loaded.inventory;
  view = reportView(inventory);

  mkdirSync(outDir, { recursive: true });
  const htmlPath = join(outDir, "coverage-report.html");
  writeFileSync(htmlPath, renderHtml(view));

  browser = await launchChromium("coverage-e2e-", { width: 1200, height: 900 });
  context = browser.context;
  page = await context.newPage();
  page.on("request", (r) => {
    if (!r.url().startsWith("file:")) requests.push(r.url());
  });
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  // goto resolves on the load event: the page has no scripts, so it is complete then.
  await page.goto(pathToFileURL(htmlPath).href, { waitUntil: "load" });
});

afterAll(async () => {
  await browser?.close();
});

describe("HTML coverage report in Chromium", () => {
  it("draws exactly one circle per site on the map", async () => {
    const ids = await page
      .locator("#coverage-map circle.site")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-site")));
    expect(ids).toHaveLength(inventory.sites.length);
    expect(new Set(ids)).toEqual(new Set(inventory.sites.map((s) => s.id)));
  });

  it("places every site inside the visible map", async () => {
    const outside = await page.evaluate(() => {
      const svg = document.querySelector("#coverage-map") as ProbeElement;
      const box = svg.viewBox.baseVal;
      return [...svg.querySelectorAll("circle.site")].filter((c) => {
        const b = c.getBBox();
        return (
          b.x < box.x ||
          b.y < box.y ||
          b.x + b.width > box.x + box.width ||
          b.y + b.height > box.y + box.height
        );
      }).length;
    });
    expect(outside).toBe(0);
  });

  it("colours sites by status as rendered by the browser", async () => {
    const planned = inventory.sites.find((s) => s.connection.status === "planned");
    expect(planned).toBeDefined();
    const fill = await page
      .locator(`#coverage-map circle.site[data-site="${planned?.id}"]`)
      .evaluate((e) => getComputedStyle(e).fill);
    const hex = STATUS_COLOUR.planned;
    const rgb = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join(", ");
    expect(fill).toBe(`rgb(${rgb})`);
  });

  it("labels every kecamatan at its centroid", async () => {
    const labels = await page.locator("#coverage-map text.kecamatan-label").allTextContents();
    expect(labels.sort()).toEqual(inventory.city.kecamatan.map((k) => k.name).sort());
  });

  it("dashes planned and proposed links", async () => {
    const dashes = await page
      .locator("#coverage-map line.link.status-planned, #coverage-map line.link.status-proposed")
      .evaluateAll((els) => els.map((e) => getComputedStyle(e).strokeDasharray));
    expect(dashes.length).toBeGreaterThan(0);
    for (const d of dashes) expect(d).not.toBe("none");
  });

  it("shows the coverage charts with a bar per group and the target line", async () => {
    const categoryBars = await page.locator("#chart-category g.bar rect").count();
    expect(categoryBars).toBe(view.byCategory.length + 2);
    const kecamatanBars = await page.locator("#chart-kecamatan g.bar rect").count();
    expect(kecamatanBars).toBe(inventory.city.kecamatan.length);
    await expect(page.locator("#chart-category .target-line text").textContent()).resolves.toBe("Target 70%");
    for (const id of ["#chart-category", "#chart-kecamatan"]) {
      const box = await page.locator(id).boundingBox();
      expect(box?.width).toBeGreaterThan(200);
      expect(box?.height).toBeGreaterThan(100);
    }
  });

  it("shows the rollout plan as charts when there are steps to take", async () => {
    const charts = await page.locator("#chart-plan-coverage, #chart-plan-cost").count();
    expect(charts).toBe(view.plan && view.plan.length > 0 ? 2 : 0);
  });

  it("gives every chart and the map an accessible name", async () => {
    const names = await page.locator("svg[role=img]").evaluateAll((els) =>
      els.map((e) =>
        (e.getAttribute("aria-labelledby") ?? "")
          .split(" ")
          .map((id: string) => document.getElementById(id)?.textContent ?? "")
          .join(" ")
          .trim(),
      ),
    );
    expect(names.length).toBeGreaterThanOrEqual(3);
    for (const n of names) expect(n.length).toBeGreaterThan(10);
  });

  it("reflows on a phone-sized screen without horizontal scrolling", async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    await page.setViewportSize({ width: 1200, height: 900 });
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it("loads nothing from the network and logs no errors", () => {
    expect(requests).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it("takes a full-page screenshot to out/", async () => {
    const path = join(outDir, "coverage-report.png");
    const png = await page.screenshot({ path, fullPage: true });
    // PNG signature, and a page taller than the viewport (map + charts + tables).
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.readUInt32BE(20)).toBeGreaterThan(900);
  });
});
