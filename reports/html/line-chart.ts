// Step-by-step line chart for the rollout plan: x is the number of sites connected so far, y a running
// total. An optional horizontal rule marks the target.
import { escapeXml } from "../escape.ts";
import { CHART_WIDTH, svgFigureStart, targetRule } from "./svg-figure.ts";

export interface LineChartSpec {
  id: string;
  title: string;
  description: string;
  xLabel: string;
  yLabel: string;
  /** Starts at x = 0 (today) so the first step's jump is visible. */
  points: { x: number; y: number }[];
  yMax: number;
  formatY(value: number): string;
  target?: { y: number; label: string };
  colour: string;
}

const HEIGHT = 260;
const LEFT = 84;
const RIGHT = 24;
const TOP = 24;
const BOTTOM = 44;

// 1, 2 or 5 times a power of ten: tick steps people read without effort.
function niceStep(range: number, ticks: number): number {
  const raw = range / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
}

export function renderLineChart(spec: LineChartSpec): string {
  const xMax = Math.max(1, ...spec.points.map((p) => p.x));
  const yMax = spec.yMax > 0 ? spec.yMax : 1;
  const px = (x: number): number => Math.round((LEFT + (x / xMax) * (CHART_WIDTH - LEFT - RIGHT)) * 10) / 10;
  const py = (y: number): number =>
    Math.round((HEIGHT - BOTTOM - (y / yMax) * (HEIGHT - TOP - BOTTOM)) * 10) / 10;

  const yStep = niceStep(yMax, 4);
  const yTicks: string[] = [];
  for (let y = 0; y <= yMax + yStep * 1e-9; y += yStep) {
    yTicks.push(
      `<line x1="${LEFT}" y1="${py(y)}" x2="${CHART_WIDTH - RIGHT}" y2="${py(y)}" stroke="#e3e3e3"/>` +
        `<text x="${LEFT - 6}" y="${py(y) + 4}" font-size="11" text-anchor="end">${escapeXml(spec.formatY(y))}</text>`,
    );
  }
  const xStep = Math.max(1, niceStep(xMax, 6));
  const xTicks: string[] = [];
  for (let x = 0; x <= xMax; x += xStep) {
    xTicks.push(
      `<text x="${px(x)}" y="${HEIGHT - BOTTOM + 16}" font-size="11" text-anchor="middle">${x}</text>`,
    );
  }

  const path = spec.points.map((p) => `${px(p.x)},${py(p.y)}`).join(" ");
  const target = spec.target
    ? targetRule(
        { x1: LEFT, y1: py(spec.target.y), x2: CHART_WIDTH - RIGHT, y2: py(spec.target.y) },
        { x: CHART_WIDTH - RIGHT, y: py(spec.target.y) - 6, anchor: "end", text: spec.target.label },
      )
    : "";

  return [
    svgFigureStart({ ...spec, className: "chart line-chart", width: CHART_WIDTH, height: HEIGHT }),
    yTicks.join(""),
    xTicks.join(""),
    `<line x1="${LEFT}" y1="${HEIGHT - BOTTOM}" x2="${CHART_WIDTH - RIGHT}" y2="${HEIGHT - BOTTOM}" stroke="#444"/>`,
    `<text x="${(LEFT + CHART_WIDTH - RIGHT) / 2}" y="${HEIGHT - 8}" font-size="12" text-anchor="middle">${escapeXml(spec.xLabel)}</text>`,
    `<text transform="translate(14 ${(TOP + HEIGHT - BOTTOM) / 2}) rotate(-90)" font-size="12" text-anchor="middle">${escapeXml(spec.yLabel)}</text>`,
    target,
    `<polyline class="series" points="${path}" fill="none" stroke="${spec.colour}" stroke-width="2.5" stroke-linejoin="round"/>`,
    `</svg>`,
  ].join("\n");
}
