// Inline CSS: the report is one file that must read well on screen and on paper with no network.
export const STYLES = `
:root { color-scheme: light; --ink: #1d2329; --muted: #5b6670; --rule: #d6dde3; --accent: #2166ac; --warn: #b2182b; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1100px; margin: 0 auto; padding: 24px; }
h1 { font-size: 1.6rem; margin: 0 0 4px; }
h2 { font-size: 1.2rem; margin: 32px 0 8px; border-bottom: 1px solid var(--rule); padding-bottom: 4px; }
h3 { font-size: 0.95rem; margin: 0 0 6px; }
.meta { color: var(--muted); margin: 0; }
.banner { border-left: 4px solid #e08214; background: #fff6ea; padding: 8px 12px; margin: 12px 0; }
.headline { font-size: 1.05rem; font-weight: 600; margin: 12px 0; }
.headline.not-met { color: var(--warn); }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 12px; margin: 16px 0; }
.card { border: 1px solid var(--rule); border-radius: 6px; padding: 10px 12px; }
.card .value { font-size: 1.5rem; font-weight: 700; }
.card .label { color: var(--muted); font-size: 0.85rem; }
figure { margin: 0 0 16px; }
figcaption { color: var(--muted); font-size: 0.85rem; margin-top: 4px; }
/* No fill here: a CSS fill would override the colours the SVG sets on target labels. */
svg text { font-family: inherit; }
/* Bar values may cross the dashed target rule; a white halo keeps them legible. */
.bar-chart .value { paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
.map { border: 1px solid var(--rule); border-radius: 6px; display: block; }
.kecamatan-label { font-size: 13px; font-weight: 600; letter-spacing: 0.04em; paint-order: stroke; stroke: #fff; stroke-width: 4px; stroke-linejoin: round; }
.legend { display: flex; flex-wrap: wrap; gap: 24px; margin: 8px 0 0; }
.legend ul { list-style: none; margin: 0; padding: 0; }
.legend li { display: flex; align-items: center; gap: 6px; font-size: 0.85rem; }
.legend .note { color: var(--muted); font-size: 0.8rem; margin: 4px 0 0; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(460px, 100%), 1fr)); gap: 24px; }
.table-scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--rule); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
details { margin: 4px 0 12px; }
summary { cursor: pointer; color: var(--accent); }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
footer { color: var(--muted); font-size: 0.8rem; margin-top: 40px; }
@media print { .charts { grid-template-columns: 1fr 1fr; } details { display: none; } }
`;
