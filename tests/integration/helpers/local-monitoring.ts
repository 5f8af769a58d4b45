// The monitoring stack as local processes on 127.0.0.1 (monitoring/local/stack.ts) for a test: started
// from a clean state directory, queried through Prometheus's HTTP API, stopped with its state removed.
import {
  downMonitoring,
  type MonitoringOptions,
  type MonitoringState,
  removeState,
  setSite,
  upMonitoring,
} from "../../../monitoring/local/stack.ts";

export interface PromSample {
  metric: Record<string, string>;
  value: [number, string];
}

export interface LocalMonitoring {
  state: MonitoringState;
  /** An instant query; throws with Prometheus's error when the query fails. */
  query(expr: string): Promise<PromSample[]>;
  /** Stop or start a site's stand-in (what its probe reaches). */
  setSite(site: string, to: "up" | "down"): Promise<void>;
  /** Every process stopped, the state directory removed. */
  stop(): Promise<void>;
}

export async function startLocalMonitoring(options: MonitoringOptions): Promise<LocalMonitoring> {
  // A previous run that was killed may have left processes and state behind in a fixed directory.
  await downMonitoring(options.dir);
  removeState(options.dir);
  const stop = async () => {
    await downMonitoring(options.dir);
    removeState(options.dir);
  };
  let state: MonitoringState;
  try {
    state = await upMonitoring(options);
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    state,
    async query(expr) {
      const res = await fetch(`${state.urls.prometheus}/api/v1/query?query=${encodeURIComponent(expr)}`);
      const body = (await res.json()) as { status: string; data: { result: PromSample[] }; error?: string };
      if (body.status !== "success") throw new Error(`${expr}: ${body.error}`);
      return body.data.result;
    },
    setSite: (site, to) => setSite(state, site, to),
    stop,
  };
}
