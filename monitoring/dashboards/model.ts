// A typed subset of Grafana's dashboard JSON model (schemaVersion 39) and small builders, so each
// dashboard file reads as a list of panels. Panels flow left to right in rows of 24 grid units.
export interface Target {
  refId: string;
  expr: string;
  legendFormat?: string;
  instant?: boolean;
  datasource: { type: "prometheus"; uid: string };
}

export interface Panel {
  id: number;
  type: "stat" | "gauge" | "timeseries" | "bargauge" | "table";
  title: string;
  description?: string;
  gridPos: { x: number; y: number; w: number; h: number };
  datasource: { type: "prometheus"; uid: string };
  targets: Target[];
  fieldConfig: {
    defaults: { unit?: string; min?: number; max?: number; decimals?: number };
    overrides: unknown[];
  };
  options: Record<string, unknown>;
}

export interface Dashboard {
  uid: string;
  title: string;
  tags: string[];
  schemaVersion: 39;
  version: 1;
  editable: false;
  time: { from: string; to: string };
  refresh: string;
  timezone: "browser";
  templating: { list: unknown[] };
  annotations: { list: unknown[] };
  panels: Panel[];
}

/** The dashboards' data source is chosen when importing (a template variable), not hard-coded. */
// biome-ignore lint/suspicious/noTemplateCurlyInString: Grafana's own variable syntax
const DS = { type: "prometheus", uid: "${datasource}" } as const;

export interface PanelSpec {
  type: Panel["type"];
  title: string;
  description?: string;
  /** PromQL and its legend; several make several series. */
  queries: { expr: string; legend?: string }[];
  unit?: string;
  min?: number;
  max?: number;
  /** Width in grid units (24 a row) and height. */
  w: number;
  h?: number;
}

export function dashboard(uid: string, title: string, specs: PanelSpec[]): Dashboard {
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  const panels = specs.map((s, i): Panel => {
    const h = s.h ?? 6;
    if (x + s.w > 24) {
      x = 0;
      y += rowHeight;
      rowHeight = 0;
    }
    const gridPos = { x, y, w: s.w, h };
    x += s.w;
    rowHeight = Math.max(rowHeight, h);
    const instant = s.type !== "timeseries";
    return {
      id: i + 1,
      type: s.type,
      title: s.title,
      ...(s.description ? { description: s.description } : {}),
      gridPos,
      datasource: DS,
      targets: s.queries.map((q, k) => ({
        refId: String.fromCharCode(65 + k),
        expr: q.expr,
        ...(q.legend ? { legendFormat: q.legend } : {}),
        ...(instant ? { instant: true } : {}),
        datasource: DS,
      })),
      fieldConfig: {
        defaults: {
          ...(s.unit ? { unit: s.unit } : {}),
          ...(s.min !== undefined ? { min: s.min } : {}),
          ...(s.max !== undefined ? { max: s.max } : {}),
        },
        overrides: [],
      },
      options: s.type === "table" ? { showHeader: true } : { reduceOptions: { calcs: ["lastNotNull"] } },
    };
  });
  return {
    uid,
    title,
    tags: ["baubau"],
    schemaVersion: 39,
    version: 1,
    editable: false,
    time: { from: "now-6h", to: "now" },
    refresh: "30s",
    timezone: "browser",
    templating: {
      list: [
        { name: "datasource", type: "datasource", query: "prometheus", label: "Prometheus", current: {} },
      ],
    },
    annotations: { list: [] },
    panels,
  };
}
