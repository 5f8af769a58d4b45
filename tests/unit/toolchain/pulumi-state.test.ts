import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ensureFileBackend, pulumiEnv } from "../../../toolchain/pulumi-state.ts";

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("the embedded file backend", () => {
  it("creates an owner-only passphrase on first use and keeps it afterwards", async () => {
    dir = await mkdtemp(join(tmpdir(), "baubau-state-"));
    const first = await ensureFileBackend(dir);
    expect(first.backendUrl).toBe(`file://${join(dir, "backend")}`);
    const passphrase = await readFile(first.passphraseFile, "utf8");
    expect(passphrase.trim().length).toBeGreaterThanOrEqual(32);
    expect((await stat(first.passphraseFile)).mode & 0o777).toBe(0o600);
    await ensureFileBackend(dir);
    expect(await readFile(first.passphraseFile, "utf8")).toBe(passphrase);
  });

  it("points the CLI at the file backend with downloads and update checks off", async () => {
    dir = await mkdtemp(join(tmpdir(), "baubau-state-"));
    const state = await ensureFileBackend(dir);
    const saved = { url: process.env.PULUMI_BACKEND_URL, pass: process.env.PULUMI_CONFIG_PASSPHRASE };
    delete process.env.PULUMI_BACKEND_URL;
    delete process.env.PULUMI_CONFIG_PASSPHRASE;
    try {
      const env = pulumiEnv(state);
      expect(env.PULUMI_BACKEND_URL).toBe(state.backendUrl);
      expect(env.PULUMI_CONFIG_PASSPHRASE_FILE).toBe(state.passphraseFile);
      expect(env.PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION).toBe("true");
      expect(env.PULUMI_SKIP_UPDATE_CHECK).toBe("true");
    } finally {
      if (saved.url !== undefined) process.env.PULUMI_BACKEND_URL = saved.url;
      if (saved.pass !== undefined) process.env.PULUMI_CONFIG_PASSPHRASE = saved.pass;
    }
  });
});
