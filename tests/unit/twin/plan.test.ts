import { describe, expect, it } from "vitest";
import type { DataCenter } from "../../../model/types.ts";
import { planTwin } from "../../../twin/plan.ts";

const provenance = { source: "test", illustrative: true, asOf: "2026-11-01" };
const dc: DataCenter = {
  id: "dc-test",
  name: "Test DC",
  site: "core-test",
  tier: "II",
  demand: { electricalKw: 10, coolingKw: 10, pumpLpm: 10, fuelBurnLph: 1, fuelHoursRequired: 12 },
  components: [],
  racks: [
    { id: "rack-a", zone: "zone-a", row: "a", units: 42, powerKw: 8 },
    { id: "rack-b", zone: "zone-b", row: "b", units: 42, powerKw: 8 },
  ],
  servers: [
    {
      id: "w-2",
      rack: "rack-b",
      position: 10,
      cluster: "c1",
      role: "worker",
      cpu: 48,
      memoryGi: 256,
      pods: 110,
    },
    {
      id: "cp-1",
      rack: "rack-a",
      position: 40,
      cluster: "c1",
      role: "control-plane",
      cpu: 16,
      memoryGi: 64,
      pods: 110,
    },
    {
      id: "m-1",
      rack: "rack-a",
      position: 20,
      cluster: "c0",
      role: "worker",
      cpu: 8,
      memoryGi: 32,
      pods: 50,
    },
  ],
  clusters: [
    { id: "c1", purpose: "services", kubernetesVersion: "1.36.1" },
    { id: "c0", purpose: "platform", kubernetesVersion: "1.36.1" },
  ],
  provenance,
};

describe("planTwin", () => {
  const plan = planTwin(dc);

  it("makes one cluster per inventory cluster and one node per server, sorted by id", () => {
    expect(plan.map((c) => c.name)).toEqual(["c0", "c1"]);
    expect(plan[1]?.nodes.map((n) => n.metadata.name)).toEqual(["cp-1", "w-2"]);
    expect(plan[0]?.nodes.map((n) => n.metadata.name)).toEqual(["m-1"]);
  });

  it("labels nodes with their rack and zone and gives them the server's capacity", () => {
    const w = plan[1]?.nodes.find((n) => n.metadata.name === "w-2");
    expect(w?.metadata.labels["topology.kubernetes.io/zone"]).toBe("zone-b");
    expect(w?.metadata.labels["smartcity.baubaukota.go.id/rack"]).toBe("rack-b");
    expect(w?.metadata.labels["topology.kubernetes.io/region"]).toBe("dc-test");
    expect(w?.status.capacity).toEqual({ cpu: "48", memory: "256Gi", pods: "110" });
    expect(w?.metadata.annotations["kwok.x-k8s.io/node"]).toBe("fake");
    expect(w?.spec.taints).toBeUndefined();
  });

  it("taints control-plane servers so workloads land on workers", () => {
    const cp = plan[1]?.nodes.find((n) => n.metadata.name === "cp-1");
    expect(cp?.spec.taints).toEqual([{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }]);
    expect(cp?.metadata.labels["node-role.kubernetes.io/control-plane"]).toBe("");
  });

  it("refuses a server in a rack the inventory does not have", () => {
    const bad = { ...dc, servers: [{ ...dc.servers[0]!, rack: "rack-z" }] };
    expect(() => planTwin(bad)).toThrow(/server w-2: rack rack-z is not in the inventory/);
  });
});
