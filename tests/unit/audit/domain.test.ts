// The domain diff on the real inventory: one site edited, one tenant removed, each read as the
// city would (a school loses fiber, coverage per target before → after, a tenant gone).
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { diffInventories } from "../../../audit/domain.ts";
import { loadInventory } from "../../../model/load/index.ts";
import type { Inventory } from "../../../model/types.ts";
import { ROOT } from "../../../toolchain/paths.ts";

let inventory: Inventory;
beforeAll(async () => {
  const loaded = await loadInventory(join(ROOT, "inventory"));
  if (!loaded.ok) throw new Error("the real inventory does not load");
  inventory = loaded.inventory;
});

const withSite = (inv: Inventory, id: string, status: "inactive" | "operational"): Inventory => ({
  ...inv,
  sites: inv.sites.map((s) => (s.id === id ? { ...s, connection: { ...s.connection, status } } : s)),
});

describe("domain diff", () => {
  it("an unchanged inventory means nothing", () => {
    const d = diffInventories(inventory, inventory);
    expect(d.sites).toEqual([]);
    expect(d.tenants).toEqual([]);
    expect(d.services).toEqual([]);
    expect(d.targets.every((t) => !t.changed)).toBe(true);
  });

  it("one school going inactive loses fiber, and every target that counts it drops by one", () => {
    const d = diffInventories(inventory, withSite(inventory, "sdn-2-labalawa", "inactive"));
    expect(d.sites).toEqual([
      expect.objectContaining({
        id: "sdn-2-labalawa",
        change: "loses-fiber",
        before: "covered",
        after: "not-operational",
        connectionBefore: "operational fiber",
        connectionAfter: "inactive fiber",
      }),
    ]);
    const moved = d.targets.filter((t) => t.changed);
    expect(moved.map((t) => t.targetId)).toEqual([
      "fiber-phase-1",
      "fiber-phase-1-city-only",
      "fiber-phase-1-school",
    ]);
    for (const t of moved) expect((t.after?.covered ?? 0) - (t.before?.covered ?? 0)).toBe(-1);
    const headline = moved[0];
    expect(headline?.before?.percent).toBe(
      Math.round((headline!.before!.covered / headline!.before!.inScope) * 1000) / 10,
    );
  });

  it("a site coming back gains fiber", () => {
    const d = diffInventories(withSite(inventory, "sdn-2-labalawa", "inactive"), inventory);
    expect(d.sites.map((s) => `${s.id} ${s.change}`)).toEqual(["sdn-2-labalawa gains-fiber"]);
  });

  it("a service that starts serving the public with a host is newly public; one that stops is not", () => {
    const publicOne = inventory.services.find(
      (s) => s.kind === "public" && s.workload?.host && s.status === "online",
    );
    expect(publicOne).toBeDefined();
    const id = publicOne!.id;
    const planned = {
      ...inventory,
      services: inventory.services.map((s) => (s.id === id ? { ...s, status: "planned" as const } : s)),
    };
    expect(diffInventories(planned, inventory).services).toEqual([
      {
        id,
        name: publicOne!.name,
        tenant: publicOne!.tenant,
        change: "newly-public",
        host: publicOne!.workload!.host,
      },
    ]);
    expect(diffInventories(inventory, planned).services.map((e) => e.change)).toEqual(["no-longer-public"]);
    expect(diffInventories(inventory, inventory).services).toEqual([]);
  });

  it("a removed tenant is named, with its name", () => {
    const gone = inventory.tenants[3]!;
    const after = { ...inventory, tenants: inventory.tenants.filter((t) => t.id !== gone.id) };
    expect(diffInventories(inventory, after).tenants).toEqual([
      { id: gone.id, name: gone.name, change: "removed" },
    ]);
  });
});
