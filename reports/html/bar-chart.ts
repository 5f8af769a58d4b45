// Horizontal bar chart of coverage shares with the target as a vertical rule: one bar per group, the
// value and counts printed at the bar end so no one has to read it off an axis.
import { escapeXml } from "../escape.ts";
import { percent } from "../format.ts";
import type { Share } from "../view.ts";
import { BAR_COLOUR, BAR_MET_COLOUR } from "./palette.ts";
import { CHART_WIDTH, svgFigureStart, targetRule } from "./svg-figure.ts";

export interface BarChartSpec {
  id: string;
  title: string;
  description: string;
  bars: { label: string; share: Share }[];
  /** Required share, 0..1; null draws no target rule. */
  target: number | null;
}

const LABEL_WIDTH = 140;
const VALUE_WIDTH = 112;
const BAR_HEIGHT = 20;
const GAP = 8;
const TOP = 28;
const BOTTOM = 28;

export function renderBarChart(spec: BarChartSpec): string {
  const plotWidth = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = TOP + spec.bars.length * (BAR_HEIGHT + GAP) + BOTTOM;
  const x = (ratio: number): number => LABEL_WIDTH + Math.round(ratio * plotWidth * 10) / 10;
  const plotBottom = height - BOTTOM;

  const grid = [0, 0.25, 0.5, 0.75, 1]
    .map(
      (t) =>
        `<line x1="${x(t)}" y1="${TOP - 6}" x2="${x(t)}" y2="${plotBottom}" stroke="#ddd"/>` +
        `<text x="${x(t)}" y="${plotBottom + 16}" font-size="11" text-anchor="middle">${percent(t, 0)}</text>`,
    )
    .join("");

  // Bars, then the target rule over them (it must show even where a bar passes it), then the values
  // with a halo on top, so the rule never makes a figure unreadable.
  const rows = spec.bars.map((bar, i) => ({
    bar,
    y: TOP + i * (BAR_HEIGHT + GAP),
    met: spec.target !== null && bar.share.ratio >= spec.target,
    value: `${percent(bar.share.ratio)} (${bar.share.covered}/${bar.share.total})`,
  }));
  const bars = rows
    .map(
      ({ bar, y, met, value }) =>
        `<g class="bar"><text x="${LABEL_WIDTH - 8}" y="${y + BAR_HEIGHT * 0.7}" font-size="12" text-anchor="end">${escapeXml(bar.label)}</text>` +
        `<rect x="${LABEL_WIDTH}" y="${y}" width="${x(bar.share.ratio) - LABEL_WIDTH}" height="${BAR_HEIGHT}" ` +
        `fill="${met ? BAR_MET_COLOUR : BAR_COLOUR}"><title>${escapeXml(`${bar.label}: ${value}`)}</title></rect></g>`,
    )
    .join("");
  const values = rows
    .map(
      ({ bar, y, value }) =>
        `<text class="value" x="${x(bar.share.ratio) + 6}" y="${y + BAR_HEIGHT * 0.7}" font-size="12">${escapeXml(value)}</text>`,
    )
    .join("");

  const target =
    spec.target === null
      ? ""
      : targetRule(
          { x1: x(spec.target), y1: TOP - 10, x2: x(spec.target), y2: plotBottom },
          { x: x(spec.target), y: TOP - 14, anchor: "middle", text: `Target ${percent(spec.target, 0)}` },
        );

  return [
    svgFigureStart({ ...spec, className: "chart bar-chart", width: CHART_WIDTH, height }),
    grid,
    bars,
    target,
    `<g class="values">${values}</g>`,
    `</svg>`,
  ].join("\n");
}
