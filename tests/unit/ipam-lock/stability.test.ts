// End to end through scripts/ipam on a copy of the real inventory: the persisted lock is what keeps
// "adding a site never moves an existing allocation" true across runs, machines and PRs.
import { appendFile, cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planIpam } from "../../../model/analyses/ipam.ts";
import { loadInventory } from "../../../model/load/index.ts";
import { renderIpamLock } from "../../../scripts/ipam-cli/lock-yaml.ts";
import { runScript } from "../../integration/helpers/run-script.ts";

const INVENTORY = new URL("../../../inventory", import.meta.url).pathname;
// Sorts before every real id, so without the lock it would be placed first; its hash also lands on
// a block an existing site already holds (asserted below), so the lock is what keeps that site put.
const NEW_SITE = "aaa-sdn-3-wale";
const NEW_LINK = "aaa-pop-wolio--sdn-3-wale";

const SITE = `  - id: ${NEW_SITE}
    name: SD Negeri 3 Wale
    category: school
    level: SD
    authority: city
    tenant: dikpora
    kecamatan: wolio
    kelurahan: wale
    location: { lat: -5.4747, lon: 122.6618 }
    connection:
      status: planned
      medium: fiber
      access: p2p
      pop: pop-wolio
    provenance:
      source: "test fixture: a site added after the lock was written"
      illustrative: true
      asOf: 2026-11-01
`;

const LINK = `  - id: ${NEW_LINK}
    a: pop-wolio
    b: ${NEW_SITE}
    tier: access
    status: planned
    deployment: aerial
    fiber: G.652.D
    cores: 4
    lengthKm: 2.1
    wavelengthNm: 1550
    splices: 2
    connectors: 2
    splitters: []
    budgetDb: 11
    srlg: [entry-pop-wolio]
    owner: diskominfo
    provenance:
      source: "test fixture: a link added after the lock was written"
      illustrative: true
      asOf: 2026-11-01
`;

/** Allocation lines of a lock file: "  id: value", in the order written. */
const allocationLines = (text: string) => text.split("\n").filter((l) => /^ {2}\S.*: \S/.test(l));

describe("scripts/ipam on a copy of the inventory", () => {
  let dir = "";
  const lockPath = () => join(dir, "ipam-lock.yaml");
  const ipam = (...args: string[]) => runScript("ipam.ts", ["--inventory", dir, ...args]);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "baubau-ipam-"));
    await cp(INVENTORY, dir, { recursive: true });
    // Start from no lock at all, as the first run on a new inventory does.
    await rm(lockPath(), { force: true });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("writes a lock, keeps every allocation byte-identical when a site is added, and --check gates it", async () => {
    const noLock = await ipam("--check");
    expect(noLock.code).toBe(1);

    const first = await ipam("--write");
    expect(first.code, first.output).toBe(0);
    const before = await readFile(lockPath(), "utf8");
    expect((await ipam("--check")).code).toBe(0);

    await appendFile(join(dir, "sites/wolio.yaml"), SITE);
    await appendFile(join(dir, "links/access.yaml"), LINK);

    // Without the lock the newcomer would take a block someone already holds.
    const loaded = await loadInventory(dir);
    if (!loaded.ok) throw new Error("the fixture site and link must be valid");
    const unlocked = planIpam(loaded.inventory).lock.sites[NEW_SITE];
    expect(allocationLines(before).some((l) => l.endsWith(` ${unlocked}`))).toBe(true);

    const behind = await ipam("--check");
    expect(behind.code).toBe(1);
    expect(behind.output).toContain(`+ sites.${NEW_SITE}: `);
    expect(behind.output).toContain(`+ links.${NEW_LINK}: `);
    expect(await readFile(lockPath(), "utf8")).toBe(before);

    const second = await ipam("--write");
    expect(second.code, second.output).toBe(0);
    expect(second.output).toContain("2 new allocation(s)");
    const after = await readFile(lockPath(), "utf8");

    const old = allocationLines(before);
    const now = allocationLines(after);
    const kept = new Set(now);
    expect(old.filter((l) => !kept.has(l))).toEqual([]);
    const added = now.filter((l) => !new Set(old).has(l));
    expect(added.map((l) => l.trim().split(":")[0])).toEqual([NEW_SITE, NEW_LINK]);
    expect(added[0]).not.toContain(unlocked);

    expect((await ipam("--check")).code).toBe(0);
    const third = await ipam("--write");
    expect(third.output).toContain("up to date");
    expect(await readFile(lockPath(), "utf8")).toBe(after);
  }, 120_000);

  it("refuses to run on an invalid lock, naming the line", async () => {
    const committed = await readFile(join(INVENTORY, "ipam-lock.yaml"), "utf8");
    const saved = await readFile(lockPath(), "utf8").catch(() => undefined);
    await writeFile(lockPath(), `${committed}  stray: 1\n`);
    try {
      const result = await ipam();
      expect(result.code).toBe(1);
      expect(result.output).toMatch(/ipam-lock\.yaml:\d+:3 tenantVlans\.stray: must be >= 100, found 1/);
    } finally {
      if (saved === undefined) await rm(lockPath(), { force: true });
      else await writeFile(lockPath(), saved);
    }
  }, 60_000);
});

describe("scripts/ipam when a pool is full", () => {
  let dir = "";
  let full = "";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "baubau-ipam-full-"));
    await cp(INVENTORY, dir, { recursive: true });
    // Every site block held by an id that has left the inventory: retired blocks are never reused.
    const sites: Record<string, string> = {};
    for (let i = 0; i < 384; i++) {
      const base = i < 128 ? 64 * 256 + i * 128 : 128 * 256 + (i - 128) * 128;
      sites[`zz-gone-${String(i).padStart(3, "0")}`] = `10.72.${Math.floor(base / 256)}.${base % 256}/25`;
    }
    full = renderIpamLock({ sites, links: {}, loopbacks: {}, tenantVlans: {} });
    await writeFile(join(dir, "ipam-lock.yaml"), full);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("reports the exhaustion, fails --check and writes nothing on --write", async () => {
    const ipam = (...args: string[]) => runScript("ipam.ts", ["--inventory", dir, ...args]);
    const summary = await ipam();
    expect(summary.code).toBe(0);
    expect(summary.output).toMatch(
      /Exhausted:\n {2}sites pool \(10\.72\.64\.0\/18, 10\.72\.128\.0\/17\) is full; no slot for: core-command-center, /,
    );
    expect((await ipam("--check")).code).toBe(1);
    const write = await ipam("--write");
    expect(write.code).toBe(1);
    expect(write.output).toContain("Nothing written.");
    expect(await readFile(join(dir, "ipam-lock.yaml"), "utf8")).toBe(full);
  }, 60_000);
});

describe("the committed lock", () => {
  it("covers the committed inventory (the CI gate: scripts/ipam --check)", async () => {
    const result = await runScript("ipam.ts", ["--check"]);
    expect(result.code, result.output).toBe(0);
  }, 60_000);
});
