// The twin's lifecycle against real kwokctl, etcd and kube-apiserver processes.

import { mkdtemp, readdir, rm } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadInventory } from "../../model/load/index.ts";
import { ROOT } from "../../toolchain/paths.ts";
import { alive, kubectl, up } from "../../twin/kwok.ts";
import { planTwin } from "../../twin/plan.ts";
import { runScript } from "./helpers/run-script.ts";

const scratch: string[] = [];
async function scratchDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), "baubau-twin-"));
  scratch.push(d);
  return d;
}
afterAll(async () => {
  for (const d of scratch) {
    await runScript("twin.ts", ["down"], { BAUBAU_TWIN_DIR: d });
    await rm(d, { recursive: true, force: true });
  }
});

describe("the twin", () => {
  it("up twice: the second finds every cluster running and changes nothing", async () => {
    const loaded = await loadInventory(join(ROOT, "inventory"));
    if (!loaded.ok) throw new Error("inventory does not load");
    const plan = planTwin(loaded.inventory.datacenter);
    const first = await up(plan, () => {});
    const nodesBefore = await kubectl("dc-prod", ["get", "nodes", "-o", "jsonpath={.items[*].metadata.uid}"]);
    const second = await up(plan, () => {});
    expect(second.map((r) => r.action)).toEqual(plan.map(() => "already running"));
    expect(second.map((r) => r.server)).toEqual(first.map((r) => r.server));
    expect(await kubectl("dc-prod", ["get", "nodes", "-o", "jsonpath={.items[*].metadata.uid}"])).toBe(
      nodesBefore,
    );
    const servers = loaded.inventory.datacenter.servers.filter((s) => s.cluster === "dc-prod").length;
    expect(nodesBefore.split(" ")).toHaveLength(servers);
  });

  it("nodes carry the inventory's zones and capacity", async () => {
    const node = JSON.parse(await kubectl("dc-prod", ["get", "node", "prod-worker-1", "-o", "json"]));
    expect(node.metadata.labels["topology.kubernetes.io/zone"]).toBe("zone-a");
    expect(node.status.allocatable.cpu).toBe("48");
    expect(node.status.conditions.find((c: { type: string }) => c.type === "Ready").status).toBe("True");
  });

  it("follows the inventory: changed capacity is patched, a removed server's node is pruned", async () => {
    const loaded = await loadInventory(join(ROOT, "inventory"));
    if (!loaded.ok) throw new Error("inventory does not load");
    const dc = loaded.inventory.datacenter;
    const changed = {
      ...dc,
      servers: dc.servers
        .filter((s) => s.id !== "prod-worker-5")
        .map((s) => (s.id === "prod-worker-1" ? { ...s, cpu: 64 } : s)),
    };
    try {
      await up(planTwin(changed), () => {});
      const node = JSON.parse(await kubectl("dc-prod", ["get", "node", "prod-worker-1", "-o", "json"]));
      expect(node.status.capacity.cpu).toBe("64");
      const gone = await kubectl("dc-prod", [
        "get",
        "node",
        "prod-worker-5",
        "--ignore-not-found",
        "-o",
        "name",
      ]);
      expect(gone.trim()).toBe("");
    } finally {
      await up(planTwin(dc), () => {});
    }
    const restored = JSON.parse(await kubectl("dc-prod", ["get", "node", "prod-worker-1", "-o", "json"]));
    expect(restored.status.capacity.cpu).toBe("48");
    expect((await kubectl("dc-prod", ["get", "node", "prod-worker-5", "-o", "name"])).trim()).toBe(
      "node/prod-worker-5",
    );
  });

  it("down with nothing running says so and succeeds", async () => {
    const dir = await scratchDir();
    const r = await runScript("twin.ts", ["down"], { BAUBAU_TWIN_DIR: dir });
    expect(r.code, r.output).toBe(0);
    expect(r.output).toContain("nothing was running");
  });

  it("a pinned port that is taken stops up with a clear error and nothing started", async () => {
    const dir = await scratchDir();
    const held: Server = createServer();
    const port = await new Promise<number>((resolve) =>
      held.listen({ host: "127.0.0.1", port: 0 }, () => resolve((held.address() as { port: number }).port)),
    );
    try {
      const r = await runScript("twin.ts", ["up"], {
        BAUBAU_TWIN_DIR: dir,
        BAUBAU_TWIN_PORT_DC_PROD: String(port),
      });
      expect(r.code).toBe(1);
      expect(r.output).toContain(
        `port ${port} on 127.0.0.1 (API server of twin cluster dc-prod) is already in use`,
      );
      const clusters = await readdir(join(dir, "kwok", "clusters")).catch(() => []);
      expect(clusters).toEqual([]);
    } finally {
      held.close();
    }
  });

  it("up in a fresh folder, then down stops every process it started and removes the files", async () => {
    const dir = await scratchDir();
    const upRun = await runScript("twin.ts", ["up"], { BAUBAU_TWIN_DIR: dir });
    expect(upRun.code, upRun.output).toBe(0);
    expect(upRun.output).toMatch(/dc-prod: created, 8 nodes Ready/);
    const pids: number[] = [];
    for (const cluster of ["dc-mgmt", "dc-prod"]) {
      const pidDir = join(dir, "kwok", "clusters", cluster, "pids");
      for (const f of await readdir(pidDir)) {
        const { readFile } = await import("node:fs/promises");
        pids.push(Number((await readFile(join(pidDir, f), "utf8")).trim()));
      }
    }
    expect(pids.length).toBeGreaterThanOrEqual(10);
    expect(pids.every(alive)).toBe(true);

    const status = await runScript("twin.ts", ["status"], { BAUBAU_TWIN_DIR: dir });
    expect(status.output).toMatch(/dc-prod\s+running, 8\/8 nodes Ready/);

    const downRun = await runScript("twin.ts", ["down"], { BAUBAU_TWIN_DIR: dir });
    expect(downRun.code, downRun.output).toBe(0);
    expect(downRun.output).toMatch(/stopped dc-mgmt, dc-prod \(\d+ processes\)/);
    expect(pids.filter(alive)).toEqual([]);
    await expect(readdir(dir)).rejects.toThrow(/ENOENT/);
  });
});
