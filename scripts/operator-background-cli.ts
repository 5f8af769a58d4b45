// scripts/operator start|stop|status: the twin's background operator (scripts/operator-background.ts).
import { log } from "../toolchain/progress.ts";
import { operatorStatus, startOperator, stopAllOperators, stopOperator } from "./operator-background.ts";

const say = (m: string) => log("operator", m);

/** Runs the command; resolves the exit status. */
export async function background(
  command: "start" | "stop" | "status",
  cluster: string | undefined,
  workers: number,
): Promise<number> {
  try {
    switch (command) {
      case "start": {
        const c = cluster ?? "dc-prod";
        const { operator, reused } = await startOperator(c, say, { workers });
        say(
          `${reused ? "already running" : "started"} on ${c}: pid ${operator.pid}, metrics http://${operator.address}/metrics, log ${operator.log}`,
        );
        return 0;
      }
      case "stop": {
        const stopped = cluster
          ? (await stopOperator(cluster, say))
            ? [cluster]
            : []
          : await stopAllOperators(say);
        if (stopped.length === 0) say(`no background operator was running${cluster ? ` on ${cluster}` : ""}`);
        return 0;
      }
      case "status": {
        const rows = (await operatorStatus()).filter((r) => !cluster || r.cluster === cluster);
        if (rows.length === 0) say("no background operator (scripts/operator start, or npm start)");
        for (const r of rows) {
          process.stdout.write(
            `${r.cluster.padEnd(12)} ${r.state}, pid ${r.operator.pid}, metrics http://${r.operator.address}/metrics, since ${r.operator.startedAt}, log ${r.operator.log}\n`,
          );
        }
        return rows.some((r) => r.state !== "running") ? 3 : 0;
      }
    }
  } catch (err) {
    say(err instanceof Error ? err.message : String(err));
    return 1;
  }
}
