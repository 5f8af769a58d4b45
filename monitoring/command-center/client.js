// The Command Center's script (inlined into the page): draws the map once from the embedded network,
// then every few seconds asks the exporter's pass-through for the probes, the KPI values and the
// firing alerts, and updates the page in place. Text from the network or alerts is set with
// textContent only, never parsed as HTML.
(() => {
  const NS = "http://www.w3.org/2000/svg";
  const net = JSON.parse(document.getElementById("network").textContent);
  const refreshMs = Number(document.body.dataset.refreshMs);
  const W = 900;
  const midLat = ((net.bbox.minLat + net.bbox.maxLat) / 2) * (Math.PI / 180);
  const spanX = (net.bbox.maxLon - net.bbox.minLon) * Math.cos(midLat);
  const spanY = net.bbox.maxLat - net.bbox.minLat;
  const H = Math.round((W * spanY) / spanX);
  const x = (lon) => (((lon - net.bbox.minLon) * Math.cos(midLat)) / spanX) * W;
  const y = (lat) => ((net.bbox.maxLat - lat) / spanY) * H;

  const svg = document.getElementById("map");
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  const el = (name, attrs, parent) => {
    const e = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    parent.appendChild(e);
    return e;
  };
  const pos = new Map(net.sites.map((s) => [s.id, s]));
  const linkLayer = el("g", { id: "links" }, svg);
  for (const l of net.links) {
    const a = pos.get(l.a);
    const b = pos.get(l.b);
    if (!a || !b) continue;
    el(
      "line",
      {
        x1: x(a.lon),
        y1: y(a.lat),
        x2: x(b.lon),
        y2: y(b.lat),
        class: `link ${l.status}`,
        "data-link": l.id,
      },
      linkLayer,
    );
  }
  const siteLayer = el("g", { id: "sites" }, svg);
  const markers = new Map();
  for (const s of net.sites) {
    const infra = s.category === "pop" || s.category === "core";
    const m = el(
      "circle",
      {
        cx: x(s.lon),
        cy: y(s.lat),
        r: infra ? 7 : 4,
        class: `site ${s.status}`,
        "data-site": s.id,
        "data-live": "unprobed",
      },
      siteLayer,
    );
    el("title", {}, m).textContent = `${s.name} (${s.category}, ${s.status})`;
    markers.set(s.id, m);
  }

  const tiles = document.getElementById("tiles");
  const tileEls = new Map();
  for (const t of net.tiles) {
    const box = document.createElement("div");
    box.className = "tile";
    box.dataset.kpi = t.id;
    const title = document.createElement("h3");
    title.textContent = t.title;
    const value = document.createElement("div");
    value.className = "value";
    value.textContent = "…";
    const bar = document.createElement("div");
    bar.className = "bar";
    const fill = document.createElement("div");
    fill.className = "fill";
    const goal = document.createElement("div");
    goal.className = "goal";
    goal.style.left = `${t.goal * 100}%`;
    bar.append(fill, goal);
    const target = document.createElement("div");
    target.className = "target";
    target.textContent = `goal ${Math.round(t.goal * 100)}%${t.by ? ` by ${t.by}` : ""}`;
    box.append(title, value, bar, target);
    tiles.appendChild(box);
    tileEls.set(t.id, { box, value, fill });
  }

  const query = async (q) => {
    const res = await fetch(`api/query?query=${encodeURIComponent(q)}`, { cache: "no-store" });
    const body = await res.json();
    if (body.status !== "success") throw new Error(body.error || `HTTP ${res.status}`);
    return body.data.result;
  };

  async function updateSites() {
    const probes = await query('probe_success{job="site-probe"}');
    let up = 0;
    for (const p of probes) {
      const m = markers.get(p.metric.site);
      if (!m) continue;
      const ok = p.value[1] === "1";
      if (ok) up++;
      m.setAttribute("data-live", ok ? "up" : "down");
    }
    document.getElementById("probes").textContent = `${up} of ${probes.length} probed sites answer`;
  }

  async function updateTiles() {
    await Promise.all(
      net.tiles.map(async (t) => {
        const r = await query(t.query);
        const e = tileEls.get(t.id);
        if (r.length !== 1) {
          e.value.textContent = "no data";
          e.box.dataset.value = "";
          return;
        }
        const v = Number(r[0].value[1]);
        e.box.dataset.value = r[0].value[1];
        e.value.textContent = `${(v * 100).toFixed(1)}%`;
        e.fill.style.width = `${Math.min(100, v * 100)}%`;
        e.box.classList.toggle("met", v >= t.goal);
      }),
    );
  }

  async function updateAlerts() {
    const res = await fetch("api/alerts", { cache: "no-store" });
    const alerts = await res.json();
    const list = document.getElementById("alerts");
    list.replaceChildren();
    alerts.sort((a, b) =>
      a.labels.severity === b.labels.severity ? 0 : a.labels.severity === "page" ? -1 : 1,
    );
    for (const a of alerts) {
      const li = document.createElement("li");
      li.className = `alert ${a.labels.severity || ""}`;
      li.dataset.alertname = a.labels.alertname;
      if (a.labels.site) li.dataset.site = a.labels.site;
      const name = document.createElement("strong");
      name.textContent = a.labels.alertname;
      const summary = document.createElement("span");
      summary.textContent = ` ${a.annotations.summary || ""} `;
      const owner = document.createElement("em");
      owner.textContent = a.labels.opd ? `→ ${a.labels.opd}` : "";
      li.append(name, summary, owner);
      list.appendChild(li);
    }
    document.getElementById("alert-count").textContent = String(alerts.length);
  }

  async function refresh() {
    const results = await Promise.allSettled([updateSites(), updateTiles(), updateAlerts()]);
    const failed = results.filter((r) => r.status === "rejected");
    const status = document.getElementById("status");
    status.textContent = failed.length
      ? `update failed: ${failed[0].reason}`
      : `updated ${new Date().toLocaleTimeString()}`;
    status.className = failed.length ? "stale" : "fresh";
    document.body.dataset.updates = String(Number(document.body.dataset.updates || "0") + 1);
    setTimeout(refresh, refreshMs);
  }
  refresh();
})();
