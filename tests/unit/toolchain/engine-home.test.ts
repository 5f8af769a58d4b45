import { lstat, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  AUTOMATIC_LOGS_OFF,
  prepareEngineHome,
  pulumiEngineDefaults,
} from "../../../toolchain/pulumi-engine.ts";

let home: string | undefined;
afterEach(async () => {
  if (home) await rm(home, { recursive: true, force: true });
});

describe("the toolkit's engine home", () => {
  it("replaces Pulumi's automatic log directory, and what it held, by a file that says why", async () => {
    home = await mkdtemp(join(tmpdir(), "baubau-home-"));
    await mkdir(join(home, "logs"));
    await writeFile(join(home, "logs", "pulumi-20261201T000000-1-up.log"), "gzip bytes");
    prepareEngineHome(home, {});
    expect((await lstat(join(home, "logs"))).isFile()).toBe(true);
    expect(await readFile(join(home, "logs"), "utf8")).toBe(AUTOMATIC_LOGS_OFF);
    prepareEngineHome(home, {});
    expect(await readFile(join(home, "logs"), "utf8")).toBe(AUTOMATIC_LOGS_OFF);
  });

  it("creates the home when it is not there yet", async () => {
    home = join(await mkdtemp(join(tmpdir(), "baubau-home-")), "pulumi-home");
    prepareEngineHome(home, {});
    expect((await lstat(join(home, "logs"))).isFile()).toBe(true);
  });

  it("gives the directory back with BAUBAU_PULUMI_LOGS=keep and leaves a directory alone then", async () => {
    home = await mkdtemp(join(tmpdir(), "baubau-home-"));
    prepareEngineHome(home, {});
    prepareEngineHome(home, { BAUBAU_PULUMI_LOGS: "keep" });
    await expect(lstat(join(home, "logs"))).rejects.toThrow(/ENOENT/);
    await mkdir(join(home, "logs"));
    await writeFile(join(home, "logs", "kept.log"), "x");
    prepareEngineHome(home, { BAUBAU_PULUMI_LOGS: "keep" });
    expect(await readFile(join(home, "logs", "kept.log"), "utf8")).toBe("x");
  });
});

describe("the engine's environment defaults", () => {
  it("skip per-step checkpoints and keep a compile cache, unless the user chose otherwise", () => {
    expect(pulumiEngineDefaults("/cache/ncc", {})).toEqual({
      PULUMI_SKIP_CHECKPOINTS: "true",
      NODE_COMPILE_CACHE: "/cache/ncc",
    });
    expect(
      pulumiEngineDefaults("/cache/ncc", { PULUMI_SKIP_CHECKPOINTS: "false", NODE_COMPILE_CACHE: "/mine" }),
    ).toEqual({ PULUMI_SKIP_CHECKPOINTS: "false", NODE_COMPILE_CACHE: "/mine" });
  });
});
