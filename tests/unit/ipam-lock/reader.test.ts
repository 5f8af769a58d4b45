// The lock reader's problems as people see them: file:line:column, the entry's path, and for clashes
// the other entry's line.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatProblems, loadIpamLock } from "../../../model/load/index.ts";
import { parseIpamLock } from "../../../model/load/ipam-lock.ts";

const FILE = "inventory/ipam-lock.yaml";

const GOOD = `# generated
sites:
  pop-a: 10.72.64.0/25
  pop-b: 10.72.64.128/25
links:
  pop-a--pop-b: 10.72.4.0/31
loopbacks:
  pop-a: 10.72.0.1/32
tenantVlans:
  dinkes: 100
  setda: 101
`;

function problemsOf(text: string): string[] {
  const result = parseIpamLock(FILE, text);
  if (result.ok) throw new Error("expected problems");
  return formatProblems(result.problems).split("\n");
}

describe("parseIpamLock", () => {
  it("reads a valid lock into the shape planIpam takes", () => {
    expect(parseIpamLock(FILE, GOOD)).toEqual({
      ok: true,
      lock: {
        sites: { "pop-a": "10.72.64.0/25", "pop-b": "10.72.64.128/25" },
        links: { "pop-a--pop-b": "10.72.4.0/31" },
        loopbacks: { "pop-a": "10.72.0.1/32" },
        tenantVlans: { dinkes: 100, setda: 101 },
      },
    });
  });

  it("reads empty sections and a file of comments as no allocations", () => {
    const empty = { sites: {}, links: {}, loopbacks: {}, tenantVlans: {} };
    expect(parseIpamLock(FILE, "# nothing yet\n")).toEqual({ ok: true, lock: empty });
    expect(parseIpamLock(FILE, "sites: {}\nlinks:\nloopbacks: {}\ntenantVlans: {}\n")).toEqual({
      ok: true,
      lock: empty,
    });
  });

  it("names both ids and both lines when two site blocks overlap", () => {
    const text = GOOD.replace("pop-b: 10.72.64.128/25", "pop-b: 10.72.64.0/25");
    expect(problemsOf(text)).toEqual([
      `${FILE}:4:3 sites.pop-b: 10.72.64.0/25 is the same block as sites.pop-a (10.72.64.0/25); one block, one id (see ${FILE}:3:3 sites.pop-a)`,
    ]);
  });

  it("reports a block that overlaps without being equal, with both lines", () => {
    // A /24 covers both /25s: wrong length, and it overlaps the one after it.
    const text = GOOD.replace("pop-a: 10.72.64.0/25", "pop-a: 10.72.64.0/24");
    expect(problemsOf(text)).toEqual([
      `${FILE}:3:3 sites.pop-a: "10.72.64.0/24" is a /24; site blocks are /25`,
      `${FILE}:4:3 sites.pop-b: 10.72.64.128/25 overlaps sites.pop-a (10.72.64.0/24); one block, one id (see ${FILE}:3:3 sites.pop-a)`,
    ]);
  });

  it("rejects a prefix of the wrong length for its section", () => {
    const text = GOOD.replace("pop-a--pop-b: 10.72.4.0/31", "pop-a--pop-b: 10.72.4.0/30");
    expect(problemsOf(text)).toEqual([
      `${FILE}:6:3 links.pop-a--pop-b: "10.72.4.0/30" is a /30; point-to-point links are /31`,
    ]);
  });

  it("rejects a prefix outside the configured pool", () => {
    const text = GOOD.replace("pop-a: 10.72.0.1/32", "pop-a: 10.72.9.1/32");
    expect(problemsOf(text)).toEqual([
      `${FILE}:8:3 loopbacks.pop-a: "10.72.9.1/32" lies outside the loopbacks pool 10.72.0.0/24`,
    ]);
  });

  it("honours pools passed as options", () => {
    const text = "sites:\n  s-1: 10.1.0.0/27\n";
    expect(parseIpamLock(FILE, text, { sitePools: ["10.1.0.0/24"], sitePrefixLength: 27 }).ok).toBe(true);
    expect(parseIpamLock(FILE, text).ok).toBe(false);
  });

  it("rejects a value that is not a CIDR, and names the network when host bits are set", () => {
    const text = GOOD.replace("pop-a: 10.72.64.0/25", "pop-a: 10.72.64.1/25").replace(
      "pop-b: 10.72.64.128/25",
      "pop-b: ten-seventy-two",
    );
    expect(problemsOf(text)).toEqual([
      `${FILE}:3:3 sites.pop-a: "10.72.64.1/25" has host bits set; the network is 10.72.64.0/25`,
      `${FILE}:4:3 sites.pop-b: "ten-seventy-two" is not a CIDR prefix (expected e.g. 10.72.0.0/16)`,
    ]);
  });

  it("names both tenants and both lines when a VLAN is held twice", () => {
    const text = GOOD.replace("setda: 101", "setda: 100");
    expect(problemsOf(text)).toEqual([
      `${FILE}:11:3 tenantVlans.setda: VLAN 100 is already held by tenantVlans.dinkes; one VLAN, one tenant (see ${FILE}:10:3 tenantVlans.dinkes)`,
    ]);
  });

  it("rejects a tenant VLAN outside the tenant range", () => {
    const text = GOOD.replace("setda: 101", "setda: 40");
    expect(problemsOf(text)).toEqual([`${FILE}:11:3 tenantVlans.setda: must be >= 100, found 40`]);
  });

  it("suggests the section name for a misspelt one", () => {
    const text = GOOD.replace("loopbacks:", "loopback:");
    expect(problemsOf(text)).toEqual([
      `${FILE}:7:1 loopback: unknown field "loopback"; allowed: sites, links, loopbacks, tenantVlans; did you mean "loopbacks"?`,
    ]);
  });

  it("reports malformed YAML with its line instead of throwing", () => {
    // A hand edit that lost one space of indentation.
    const text = GOOD.replace("  pop-b: 10.72.64.128/25", " pop-b: 10.72.64.128/25");
    expect(problemsOf(text)).toEqual([
      `${FILE}:4:1 YAML syntax error (BAD_INDENT): All mapping items must start at the same column`,
    ]);
  });
});

describe("loadIpamLock on disk", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "baubau-ipam-lock-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("treats a missing lock as empty: the first --write creates it", async () => {
    expect(await loadIpamLock(dir)).toEqual({
      ok: true,
      lock: { sites: {}, links: {}, loopbacks: {}, tenantVlans: {} },
    });
  });

  it("shows the lock's path under the directory it was given", async () => {
    await writeFile(join(dir, "ipam-lock.yaml"), GOOD.replace("setda: 101", "setda: 100"));
    const result = await loadIpamLock(`${dir}/`);
    if (result.ok) throw new Error("expected problems");
    expect(result.problems.map((p) => [p.file, p.line])).toEqual([[join(dir, "ipam-lock.yaml"), 11]]);
  });

  it("reads the committed lock of the real inventory", async () => {
    const result = await loadIpamLock(new URL("../../../inventory", import.meta.url).pathname);
    if (!result.ok) throw new Error(formatProblems(result.problems));
    expect(Object.keys(result.lock.sites).length).toBeGreaterThan(200);
  });
});
