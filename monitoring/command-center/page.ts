// The Command Center page: one self-contained HTML document (inline CSS, inline script, the network
// embedded as JSON; no online resources) served by the exporter at /. Live data comes from the
// exporter's own origin: /api/query (Prometheus) and /api/alerts (Alertmanager), polled by the script.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Inventory } from "../../model/types.ts";
import { networkView } from "./network.ts";

export { networkView } from "./network.ts";

const CLIENT = readFileSync(join(import.meta.dirname, "client.js"), "utf8");
const STYLE = readFileSync(join(import.meta.dirname, "style.css"), "utf8");

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );

export function commandCenterPage(inventory: Inventory, refreshMs = 2000): string {
  const name = escapeHtml(inventory.city.name);
  // `<` escaped so no string in the inventory can close the script element.
  const network = JSON.stringify(networkView(inventory)).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self' data:">
<title>${name} Command Center</title>
<style>${STYLE}</style>
</head>
<body data-refresh-ms="${refreshMs}">
<header><h1>${name} Command Center</h1><span id="status">loading…</span></header>
<main>
<section id="tiles" aria-label="Roadmap KPIs"></section>
<section id="map-box" aria-label="Network map">
<svg id="map" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Sites and links"></svg>
<div class="legend"><span id="probes">probes…</span> · green answers, red does not, grey is not operational yet</div>
</section>
<aside aria-label="Firing alerts"><h2>Alerts (<span id="alert-count">0</span>)</h2><ul id="alerts"></ul></aside>
</main>
<script type="application/json" id="network">${network}</script>
<script>${CLIENT}</script>
</body>
</html>
`;
}
