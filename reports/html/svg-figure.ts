// The opening of every chart and the map: an SVG that scales to its column, named and described for
// screen readers by its own <title> and <desc> (aria-labelledby), since an image role hides its text.
import { escapeXml } from "../escape.ts";
import { TARGET_COLOUR } from "./palette.ts";

/** Every chart's viewBox width: charts share the report's .charts grid, so one width gives their text
 * one size side by side. */
export const CHART_WIDTH = 520;

export interface SvgFigure {
  id: string;
  className: string;
  width: number;
  height: number;
  title: string;
  description: string;
}

/** The <svg> start tag, its <title> and its <desc>, one a line; the caller closes the element. */
export function svgFigureStart(f: SvgFigure): string {
  return [
    `<svg id="${f.id}" class="${f.className}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${f.width} ${f.height}" ` +
      `width="100%" role="img" aria-labelledby="${f.id}-title ${f.id}-desc">`,
    `<title id="${f.id}-title">${escapeXml(f.title)}</title>`,
    `<desc id="${f.id}-desc">${escapeXml(f.description)}</desc>`,
  ].join("\n");
}

/** A chart's target: a dashed rule in the target colour and its label, drawn the same in every chart. */
export function targetRule(
  line: { x1: number; y1: number; x2: number; y2: number },
  label: { x: number; y: number; anchor: "middle" | "end"; text: string },
): string {
  return (
    `<g class="target-line"><line x1="${line.x1}" y1="${line.y1}" x2="${line.x2}" y2="${line.y2}" ` +
    `stroke="${TARGET_COLOUR}" stroke-width="2" stroke-dasharray="5 3"/>` +
    `<text x="${label.x}" y="${label.y}" font-size="12" fill="${TARGET_COLOUR}" text-anchor="${label.anchor}">` +
    `${escapeXml(label.text)}</text></g>`
  );
}
