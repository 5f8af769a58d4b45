// The Command Center in a real headless Chromium, served by the real KPI exporter, with real
// Prometheus, Alertmanager and blackbox exporter behind it (local processes on 127.0.0.1): one marker
// per site, live probe status on the map, KPI tiles whose numbers equal the exporter's, and an alert
// that appears without a reload when a site's stand-in is stopped. Saves a screenshot to out/.
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadInventory } from "../../model/load/index.ts";
import type { Inventory } from "../../model/types.ts";
import { networkView } from "../../monitoring/command-center/network.ts";
import { waitFor } from "../../monitoring/local/processes.ts";
import { type LocalMonitoring, startLocalMonitoring } from "../integration/helpers/local-monitoring.ts";
import { type Browser, launchChromium } from "./helpers/chromium.ts";

// Probes run inside Chromium; this file is type-checked with Node's library, which has no DOM.
interface ProbeElement {
  dataset: Record<string, string | undefined>;
  getAttribute(name: string): string | null;
  textContent: string | null;
}
declare const document: {
  querySelectorAll(selector: string): ArrayLike<ProbeElement>;
  body: ProbeElement;
};
declare const window: { navigationMarker?: number };

const root = resolve(import.meta.dirname, "../..");

let inventory: Inventory;
let monitoring: LocalMonitoring;
let state: LocalMonitoring["state"];
let browser: Browser | undefined;
let context: BrowserContext;
let page: Page;
const foreignRequests: string[] = [];

beforeAll(async () => {
  const loaded = await loadInventory(join(root, "inventory"));
  if (!loaded.ok) throw new Error("inventory has problems");
  inventory = loaded.inventory;
  monitoring = await startLocalMonitoring({
    dir: mkdtempSync(join(tmpdir(), "command-center-")),
    inventoryDir: join(root, "inventory"),
    scrapeInterval: "1s",
    forScale: 0.02,
  });
  state = monitoring.state;
  const q = async (e: string) => (await monitoring.query(e)).length;
  await waitFor(
    "all probes up and the KPI rules evaluated",
    async () =>
      (await q(`probe_success{job="site-probe"} == 1`)) === state.sites.length &&
      (await q("baubau:internal_admin_services_digitised:ratio")) === 1 &&
      (await q("target:baubau_fiber_coverage:ratio")) > 0,
    60_000,
  );
  browser = await launchChromium("command-center-profile-", { width: 1400, height: 1000 });
  context = browser.context;
  page = await context.newPage();
  page.on("request", (r) => {
    if (!r.url().startsWith(state.urls.exporter)) foreignRequests.push(r.url());
  });
  await page.goto(state.urls.exporter);
  await page.evaluate(() => {
    window.navigationMarker = 1;
  });
});

afterAll(async () => {
  await browser?.close();
  await monitoring?.stop();
});

/** The exporter's value for one series, read from its /metrics text as Prometheus would. */
async function exported(series: string): Promise<number> {
  const text = await (await fetch(`${state.urls.exporter}/metrics`)).text();
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  if (!line) throw new Error(`the exporter does not serve ${series}`);
  return Number(line.slice(series.length + 1));
}

describe("Command Center page", () => {
  it("draws one marker per site and colours every probed site by its live probe", async () => {
    await page.waitForFunction(
      (n) => document.querySelectorAll('circle[data-live="up"]').length === n,
      state.sites.length,
    );
    const markers = await page.evaluate(() =>
      Array.from(document.querySelectorAll("circle.site"), (c) => ({
        site: c.getAttribute("data-site"),
        live: c.getAttribute("data-live"),
      })),
    );
    expect(markers.map((m) => m.site).sort()).toEqual(inventory.sites.map((s) => s.id).sort());
    const probed = new Set(state.sites.map((s) => s.site));
    for (const m of markers) expect(m.live).toBe(probed.has(m.site ?? "") ? "up" : "unprobed");
    expect(await page.evaluate(() => document.querySelectorAll("line.link").length)).toBe(
      inventory.links.length,
    );
  });

  it("shows KPI tiles whose numbers equal the exporter's", async () => {
    const tiles = networkView(inventory).tiles;
    await page.waitForFunction(
      (n) =>
        Array.from(document.querySelectorAll(".tile"), (t) => t.dataset.value ?? "").filter((v) => v !== "")
          .length === n,
      tiles.length,
    );
    const shown = new Map(
      await page.evaluate(() =>
        Array.from(
          document.querySelectorAll(".tile"),
          (t) => [t.dataset.kpi ?? "", Number(t.dataset.value)] as [string, number],
        ),
      ),
    );
    for (const t of inventory.targets) {
      expect(shown.get(t.id)).toBe(
        await exported(`baubau_fiber_target_coverage_ratio{target="${t.id}",scope="all"}`),
      );
    }
    expect(shown.get("essential-public-online")).toBe(
      await exported('baubau_essential_public_services_online_ratio{source="catalog"}'),
    );
    expect(shown.get("internal-admin-digitised")).toBe(
      await exported("baubau_internal_admin_services_digitised_ratio"),
    );
    const classes = ["ups", "generator", "cooling", "pump", "fuel-tank"];
    const nPlusOne = await Promise.all(
      classes.map((c) => exported(`baubau_datacenter_n_plus_one{class="${c}"}`)),
    );
    expect(shown.get("datacenter-n-plus-one")).toBe(nPlusOne.reduce((a, b) => a + b, 0) / classes.length);
    // What a reader sees is the same number as a percentage.
    const text = await page.evaluate(() =>
      Array.from(
        document.querySelectorAll('.tile[data-kpi="internal-admin-digitised"] .value'),
        (v) => v.textContent,
      ),
    );
    expect(text).toEqual([`${((shown.get("internal-admin-digitised") ?? Number.NaN) * 100).toFixed(1)}%`]);
  });

  it("shows the alert and the red marker after a stand-in is stopped, without a reload", async () => {
    const site = state.sites.find((s) => s.category === "school") ?? state.sites[0];
    if (!site) throw new Error("no probed site");
    // Other alerts may be firing already (the inventory has a link under its optical margin): only this one counts.
    expect(
      await page.evaluate((id) => document.querySelectorAll(`li.alert[data-site="${id}"]`).length, site.site),
    ).toBe(0);
    await monitoring.setSite(site.site, "down");
    await page.waitForFunction(
      (id) =>
        document.querySelectorAll(`li.alert[data-alertname="SiteUnreachable"][data-site="${id}"]`).length ===
        1,
      site.site,
      { timeout: 60_000 },
    );
    expect(
      await page.evaluate(
        (id) => document.querySelectorAll(`circle[data-site="${id}"]`)[0]?.getAttribute("data-live"),
        site.site,
      ),
    ).toBe("down");
    const alertText = await page.evaluate(() =>
      Array.from(document.querySelectorAll("li.alert"), (a) => a.textContent),
    );
    expect(alertText.join("\n")).toContain(`Site ${site.site} does not answer its management address`);
    expect(await page.evaluate(() => window.navigationMarker)).toBe(1);

    mkdirSync(join(root, "out"), { recursive: true });
    const png = await page.screenshot({ path: join(root, "out", "command-center.png"), fullPage: true });
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    await monitoring.setSite(site.site, "up");
  });

  it("loads nothing from anywhere but the exporter", () => {
    expect(foreignRequests).toEqual([]);
  });
});
