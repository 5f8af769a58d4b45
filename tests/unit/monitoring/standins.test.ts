// The site stand-ins answer on each site's loopback address with the site's id; stopping one makes
// its address refuse connections (what the blackbox probe sees as a dead router) and starting it
// again brings it back.
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../../monitoring/local/processes.ts";
import { type ProbedSite, probedSites } from "../../../monitoring/sites.ts";
import { type StandIns, startStandIns } from "../../../monitoring/standins/server.ts";
import { realInventory } from "./fixture.ts";

let sites: ProbedSite[];
let standIns: StandIns;

beforeAll(async () => {
  const { inventory, ipam } = await realInventory();
  sites = probedSites(inventory, ipam).slice(0, 3);
  standIns = await startStandIns(sites, await freePort());
});
afterAll(() => standIns.close());

/** One request on a fresh connection (no keep-alive: a reused socket would hide a closed listener). */
const get = (s: ProbedSite) =>
  new Promise<string>((resolve) => {
    const req = request({ host: s.standInAddress, port: standIns.port, path: "/", agent: false }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => {
        body += c.toString();
      });
      res.on("end", () => resolve(body.trim()));
    });
    req.on("error", (e: NodeJS.ErrnoException) => resolve(`refused: ${e.code ?? e.message}`));
    req.end();
  });

describe("site stand-ins", () => {
  it("answer on every site's stand-in address with the site id", async () => {
    for (const s of sites) expect(await get(s)).toBe(s.site);
    expect(standIns.up()).toEqual(sites.map((s) => s.site).sort());
  });

  it("a stopped stand-in refuses connections, the others keep answering, and it comes back", async () => {
    const [a, b] = sites as [ProbedSite, ProbedSite];
    await standIns.stop(a.site);
    expect(await get(a)).toBe("refused: ECONNREFUSED");
    expect(await get(b)).toBe(b.site);
    await standIns.start(a.site);
    expect(await get(a)).toBe(a.site);
  });

  it("names a site that has no stand-in", async () => {
    await expect(standIns.stop("pop-atlantis")).rejects.toThrow(
      'no stand-in for "pop-atlantis": not an operational site',
    );
  });

  it("fails whole when an address is taken, leaving nothing listening", async () => {
    const first = sites[0] as ProbedSite;
    await expect(startStandIns(sites, standIns.port)).rejects.toThrow(
      `stand-in cannot listen on ${first.standInAddress}:${standIns.port}: EADDRINUSE`,
    );
    expect(await get(first)).toBe(first.site);
  });
});
