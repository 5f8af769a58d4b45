// The real CLI against a home prepared like the toolkit's: it runs, and writes no automatic log
// (toolchain/pulumi-engine.ts). The same command in an unprepared home does write one, so this test
// fails if a later CLI gives up on an unusable log directory instead of carrying on without it.
import { execFile } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { bin, engineEnv, versions } from "../../toolchain/paths.ts";
import { prepareEngineHome } from "../../toolchain/pulumi-engine.ts";

const run = promisify(execFile);
let home: string | undefined;
afterEach(async () => {
  if (home) await rm(home, { recursive: true, force: true });
});

const pulumiVersion = async (pulumiHome: string) =>
  (await run(bin.pulumi, ["version"], { env: engineEnv({ PULUMI_HOME: pulumiHome }) })).stdout.trim();

describe("Pulumi's automatic logs in the toolkit's engine home", () => {
  it("are written in a plain home", async () => {
    home = await mkdtemp(join(tmpdir(), "baubau-home-"));
    expect(await pulumiVersion(home)).toBe(`v${versions.pulumi}`);
    expect(await readdir(join(home, "logs"))).toEqual([expect.stringMatching(/^pulumi-.*-version\.log$/)]);
  });

  it("are not written in a prepared one, and the CLI still runs", async () => {
    home = await mkdtemp(join(tmpdir(), "baubau-home-"));
    prepareEngineHome(home, {});
    expect(await pulumiVersion(home)).toBe(`v${versions.pulumi}`);
    expect(await readdir(home)).toEqual(["logs"]);
    await expect(readdir(join(home, "logs"))).rejects.toThrow(/ENOTDIR/);
  });
});
