import { describe, expect, it } from "vitest";
import { escapeXml } from "../../../reports/escape.ts";
import { renderHtml } from "../../../reports/html/page.ts";
import { equirectangular } from "../../../reports/html/projection.ts";
import { fixtureView, TRICKY_NAME } from "./fixture.ts";

describe("HTML escaping", () => {
  it("escapes the five markup characters", () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });

  const html = renderHtml(fixtureView());

  it("never emits inventory markup as markup", () => {
    expect(TRICKY_NAME).toContain("<script>");
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("Betoambari <b>");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Sons");
    expect(html).toContain("Betoambari &lt;b&gt;");
  });

  it("is self-contained: no external URLs or scripts, and a CSP that forbids fetching", () => {
    expect(html).not.toMatch(/(?:src|href)=["']?https?:/i);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).toContain(`content="default-src 'none'`);
  });

  it("draws one circle per site and labels each kecamatan", () => {
    const view = fixtureView();
    expect(html.match(/<circle class="site /g)).toHaveLength(view.sites.length);
    for (const k of view.kecamatan) expect(html).toContain(`>${escapeXml(k.name)}</text>`);
  });

  it("dashes planned links and leaves operational ones solid", () => {
    const planned = html.match(/<line class="link[^"]*status-planned"[^>]*>/)?.[0] ?? "";
    const operational = html.match(/<line class="link[^"]*status-operational"[^>]*>/)?.[0] ?? "";
    expect(planned).toContain("stroke-dasharray");
    expect(operational).not.toContain("stroke-dasharray");
  });

  it("labels its SVGs for assistive technology", () => {
    const svgs = html.match(/<svg id="[^"]+"[^>]*>/g) ?? [];
    expect(svgs.length).toBeGreaterThanOrEqual(2);
    for (const svg of svgs) expect(svg).toMatch(/role="img" aria-labelledby="[^"]+"/);
  });
});

describe("equirectangular projection", () => {
  const box = { minLat: -5.54, maxLat: -5.305, minLon: 122.55, maxLon: 122.775 };
  const p = equirectangular(box, 960, 36);

  it("puts north at the top and east to the right", () => {
    const [xw, yn] = p.project({ lat: box.maxLat, lon: box.minLon });
    const [xe, ys] = p.project({ lat: box.minLat, lon: box.maxLon });
    expect([xw, yn]).toEqual([36, 36]);
    expect(xe).toBeCloseTo(960 - 36, 0);
    expect(ys).toBeCloseTo(p.height - 36, 0);
  });

  it("scales longitude by cos(latitude) so a km east equals a km north on screen", () => {
    const origin = p.project({ lat: -5.4, lon: 122.6 });
    const north = p.project({ lat: -5.4 + 0.01, lon: 122.6 });
    const east = p.project({ lat: -5.4, lon: 122.6 + 0.01 / Math.cos((5.4225 * Math.PI) / 180) });
    expect(Math.abs(east[0] - origin[0])).toBeCloseTo(Math.abs(north[1] - origin[1]), 0);
  });
});
