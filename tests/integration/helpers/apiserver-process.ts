// The twin's kube-apiserver as a process, for fault tests: found from the pid files kwokctl keeps
// (.twin/kwok/clusters/<cluster>/pids), killed hard, restarted with the same command line,
// working directory and environment (its pid written back, so `scripts/twin down` stops it),
// paused and resumed.
import { spawn } from "node:child_process";
import { openSync } from "node:fs";
import { readdir, readFile, readlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { alive, isHealthy, paths } from "../../../twin/kwok.ts";
import { waitFor } from "./kube.ts";

export interface ApiServerProcess {
  /** Compacts the cluster's etcd up to its current revision (what kube-apiserver does every 5 min),
   * so a watch from an older resourceVersion is answered 410 Gone. */
  compactEtcd(): Promise<void>;
  pid: number;
  /** SIGKILL, and wait until the process is gone. */
  kill(): Promise<void>;
  /** Start it again as it was started; resolves when /readyz answers ok. */
  restart(): Promise<void>;
  pause(): void;
  resume(): void;
}

export async function apiServerProcess(cluster: string): Promise<ApiServerProcess> {
  const dir = paths.pids(cluster);
  const file = (await readdir(dir)).find((f) => f.includes("kube-apiserver"));
  if (!file) throw new Error(`no kube-apiserver pid file in ${dir}`);
  const pidFile = join(dir, file);
  let pid = Number((await readFile(pidFile, "utf8")).trim());
  if (!alive(pid)) throw new Error(`kube-apiserver pid ${pid} from ${pidFile} is not running`);
  const argv = (await readFile(`/proc/${pid}/cmdline`, "utf8")).split("\0").filter(Boolean);
  const cwd = await readlink(`/proc/${pid}/cwd`);
  const env = Object.fromEntries(
    (await readFile(`/proc/${pid}/environ`, "utf8"))
      .split("\0")
      .filter(Boolean)
      .map((kv) => [kv.slice(0, kv.indexOf("=")), kv.slice(kv.indexOf("=") + 1)]),
  );
  const etcd = argv
    .find((a) => a.startsWith("--etcd-servers="))
    ?.split("=")[1]
    ?.split(",")[0];
  return {
    async compactEtcd() {
      if (!etcd) throw new Error("kube-apiserver has no --etcd-servers");
      // etcd's v3 JSON gateway: read the current revision, then compact to it.
      const range = await fetch(`${etcd}/v3/kv/range`, {
        method: "POST",
        body: JSON.stringify({ key: "YQ==" }),
      });
      const revision = ((await range.json()) as { header: { revision: string } }).header.revision;
      const compact = await fetch(`${etcd}/v3/kv/compaction`, {
        method: "POST",
        body: JSON.stringify({ revision, physical: true }),
      });
      if (!compact.ok) throw new Error(`etcd compaction failed: ${compact.status} ${await compact.text()}`);
    },
    get pid() {
      return pid;
    },
    async kill() {
      process.kill(pid, "SIGKILL");
      await waitFor(`kube-apiserver ${pid} to exit`, () => !alive(pid), 30_000);
    },
    async restart() {
      const log = openSync(join(paths.workdir, "clusters", cluster, "kube-apiserver.restarted.log"), "a");
      const child = spawn(argv[0] as string, argv.slice(1), {
        cwd,
        env,
        detached: true,
        stdio: ["ignore", log, log],
      });
      child.unref();
      pid = child.pid as number;
      await writeFile(pidFile, String(pid));
      await waitFor(`${cluster} API server /readyz after restart`, () => isHealthy(cluster), 120_000);
    },
    pause: () => process.kill(pid, "SIGSTOP"),
    resume: () => process.kill(pid, "SIGCONT"),
  };
}
