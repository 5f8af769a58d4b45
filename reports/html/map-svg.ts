// The coverage map as inline SVG: links under sites, kecamatan names at their centroids, a scale bar.
// Every site is exactly one <circle class="site">, so the map can be checked by counting.
import { escapeXml } from "../escape.ts";
import { extent } from "../extent.ts";
import type { ReportView, SiteView } from "../view.ts";
import { linkDash, linkOpacity, STATUS_COLOUR, STATUS_LABEL, TIER_STYLE } from "./palette.ts";
import { equirectangular, type Projection } from "./projection.ts";
import { svgFigureStart } from "./svg-figure.ts";

const MAP_WIDTH = 960;
const PADDING = 36;

function siteRadius(site: SiteView): number {
  if (site.category === "core") return 7;
  if (site.category === "pop") return 5.5;
  return 3.5;
}

function scaleBar(projection: Projection): string {
  // The largest round distance that fits in about a fifth of the map.
  const budgetKm = projection.width / 5 / projection.pxPerKm;
  const km = [50, 20, 10, 5, 2, 1, 0.5].find((d) => d <= budgetKm) ?? 0.5;
  const length = Math.round(km * projection.pxPerKm);
  const x = PADDING;
  const y = projection.height - 14;
  return [
    `<g class="scale-bar" aria-hidden="true">`,
    `<line x1="${x}" y1="${y}" x2="${x + length}" y2="${y}" stroke="#222" stroke-width="2"/>`,
    `<line x1="${x}" y1="${y - 4}" x2="${x}" y2="${y + 1}" stroke="#222" stroke-width="2"/>`,
    `<line x1="${x + length}" y1="${y - 4}" x2="${x + length}" y2="${y + 1}" stroke="#222" stroke-width="2"/>`,
    `<text x="${x + length + 6}" y="${y + 4}" font-size="12">${km} km</text>`,
    `<text x="${projection.width - PADDING}" y="${PADDING}" font-size="14" font-weight="bold" text-anchor="end">N ↑</text>`,
    `</g>`,
  ].join("");
}

export function renderMapSvg(view: ReportView): string {
  const projection = equirectangular(extent(view), MAP_WIDTH, PADDING);
  const { width, height, project } = projection;

  const links = view.links
    .map((link) => {
      const [x1, y1] = project(link.from);
      const [x2, y2] = project(link.to);
      const tier = TIER_STYLE[link.tier];
      const dash = linkDash(link.status);
      const margin = link.marginDb === null ? "" : `, margin ${link.marginDb.toFixed(1)} dB`;
      const label = `${tier.label} link ${link.id}: ${STATUS_LABEL[link.status]}, ${link.lengthKm.toFixed(2)} km${margin}`;
      return (
        `<line class="link tier-${link.tier} status-${link.status}" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" ` +
        `stroke="${tier.colour}" stroke-width="${tier.width}" stroke-opacity="${linkOpacity(link.status)}"` +
        `${dash ? ` stroke-dasharray="${dash}"` : ""} stroke-linecap="round"><title>${escapeXml(label)}</title></line>`
      );
    })
    .join("\n");

  // Cores and PoPs are drawn last so a dense cluster of schools never hides them.
  const rank = (s: SiteView): number => (s.category === "core" ? 2 : s.category === "pop" ? 1 : 0);
  const sites = [...view.sites]
    .sort((a, b) => rank(a) - rank(b))
    .map((site) => {
      const [cx, cy] = project(site.location);
      const covered = site.covered ? "covered" : "not covered";
      const label = `${site.name} (${site.category}, Kec. ${site.kecamatanName}): ${STATUS_LABEL[site.status]}, ${covered}`;
      const strong = site.category === "core" || site.category === "pop";
      return (
        `<circle class="site category-${site.category} status-${site.status}" data-site="${escapeXml(site.id)}" ` +
        `cx="${cx}" cy="${cy}" r="${siteRadius(site)}" fill="${STATUS_COLOUR[site.status]}" ` +
        `stroke="${strong ? "#111" : "#fff"}" stroke-width="${strong ? 1.5 : 0.8}"><title>${escapeXml(label)}</title></circle>`
      );
    })
    .join("\n");

  const labels = view.kecamatan
    .map((k) => {
      const [x, y] = project(k.centroid);
      return `<text class="kecamatan-label" x="${x}" y="${y}" text-anchor="middle">${escapeXml(k.name)}</text>`;
    })
    .join("\n");

  const description =
    `${view.sites.length} sites coloured by connection status and ${view.links.length} links styled by tier; ` +
    `planned and proposed links are dashed. Kecamatan names mark their centroids.`;
  return [
    svgFigureStart({
      id: "coverage-map",
      className: "map",
      width,
      height,
      title: `Fiber coverage map of ${view.city.name}`,
      description,
    }),
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#f4f7f9"/>`,
    `<g class="links">${links}</g>`,
    `<g class="sites">${sites}</g>`,
    // Labels sit on top with a halo, and let pointer events through so site tooltips still work.
    `<g class="kecamatan-labels" pointer-events="none">${labels}</g>`,
    scaleBar(projection),
    `</svg>`,
  ].join("\n");
}
