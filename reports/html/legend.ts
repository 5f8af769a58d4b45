// The map legend, as HTML with small inline SVG swatches: kept out of the map SVG so the map holds
// exactly one circle per site.
import type { FiberStatus, LinkTier } from "../../model/types.ts";
import { escapeXml } from "../escape.ts";
import { linkDash, STATUS_COLOUR, STATUS_LABEL, TIER_STYLE } from "./palette.ts";

const swatch = (body: string): string =>
  `<svg class="swatch" width="34" height="14" viewBox="0 0 34 14" aria-hidden="true">${body}</svg>`;

function statusItem(status: FiberStatus): string {
  const dot = `<rect x="10" y="0" width="14" height="14" rx="7" fill="${STATUS_COLOUR[status]}" stroke="#fff"/>`;
  return `<li>${swatch(dot)}${escapeXml(STATUS_LABEL[status])}</li>`;
}

function tierItem(tier: LinkTier): string {
  const { colour, width, label } = TIER_STYLE[tier];
  return `<li>${swatch(`<line x1="1" y1="7" x2="33" y2="7" stroke="${colour}" stroke-width="${width}"/>`)}${escapeXml(label)} link</li>`;
}

function dashItem(status: FiberStatus, text: string): string {
  const dash = linkDash(status);
  const line = `<line x1="1" y1="7" x2="33" y2="7" stroke="#333" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ""}/>`;
  return `<li>${swatch(line)}${escapeXml(text)}</li>`;
}

export function renderLegend(statuses: FiberStatus[], tiers: LinkTier[]): string {
  return [
    `<div class="legend" role="group" aria-label="Map legend">`,
    `<div><h3>Sites by connection status</h3><ul>${statuses.map(statusItem).join("")}</ul>`,
    `<p class="note">Larger circles with a dark ring are cores and PoPs.</p></div>`,
    `<div><h3>Links by tier</h3><ul>${tiers.map(tierItem).join("")}</ul></div>`,
    `<div><h3>Links by status</h3><ul>`,
    dashItem("operational", "Operational (solid)"),
    dashItem("underConstruction", "Under construction (dotted)"),
    dashItem("planned", "Planned or proposed (dashed)"),
    `</ul></div>`,
    `</div>`,
  ].join("\n");
}
