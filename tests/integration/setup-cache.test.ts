// scripts/setup against a copy of the real cache entry for kwok: damage it, run setup, and it
// must notice and rebuild (from the warm Go build cache), leaving a working binary.
import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, rm, stat, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engineDirs, versions } from "../../toolchain/paths.ts";
import { runScript } from "./helpers/run-script.ts";

const run = promisify(execFile);
const entry = `kwok-${versions.kwok}`;

describe("setup with a damaged cache entry", () => {
  let cache: string;
  let kwokctl: string;

  beforeAll(async () => {
    cache = await mkdtemp(join(tmpdir(), "baubau-cache-"));
    await cp(engineDirs.kwok, join(cache, "engines", entry), { recursive: true });
    kwokctl = join(cache, "engines", entry, "kwokctl");
  });
  afterAll(async () => {
    await rm(cache, { recursive: true, force: true });
  });

  it("keeps an intact entry as it is", async () => {
    const r = await runScript("setup.ts", ["--only", "kwok"], { BAUBAU_CACHE_DIR: cache });
    expect(r.code, r.output).toBe(0);
    expect(r.output).toMatch(/engine kwok: cached \(built\)/);
  });

  it("rebuilds a truncated binary", async () => {
    const before = (await stat(kwokctl)).size;
    await truncate(kwokctl, 1024);
    const r = await runScript("setup.ts", ["--only", "kwok"], { BAUBAU_CACHE_DIR: cache });
    expect(r.code, r.output).toBe(0);
    expect(r.output).toMatch(
      new RegExp(`kwok: cache entry damaged \\(kwokctl has 1024 bytes, expected ${before}\\); rebuilding`),
    );
    expect(r.output).toMatch(/engine kwok: rebuilt/);
    const { stdout } = await run(kwokctl, ["--version"]);
    expect(stdout).toContain(`v${versions.kwok}`);
  });

  it("rebuilds a binary of the wrong version even when its stamp was forged to match", async () => {
    // An impostor that answers with another version, with size and hash written into the stamp.
    await writeFile(kwokctl, "#!/bin/sh\necho 'kwokctl version v0.7.0'\n", { mode: 0o755 });
    const stampPath = join(cache, "engines", entry, ".stamp.json");
    const stamp = JSON.parse(await readFile(stampPath, "utf8"));
    const st = await stat(kwokctl);
    const { createHash } = await import("node:crypto");
    stamp.files.kwokctl = {
      size: st.size,
      mtimeMs: st.mtimeMs,
      sha256: createHash("sha256")
        .update(await readFile(kwokctl))
        .digest("hex"),
    };
    await writeFile(stampPath, JSON.stringify(stamp));
    const r = await runScript("setup.ts", ["--only", "kwok"], { BAUBAU_CACHE_DIR: cache });
    expect(r.code, r.output).toBe(0);
    expect(r.output).toMatch(/kwokctl did not report the pinned version\); rebuilding/);
    const { stdout } = await run(kwokctl, ["--version"]);
    expect(stdout).toContain(`v${versions.kwok}`);
  });

  it("--check reports a missing engine in one clear message and exits non-zero without building", async () => {
    const r = await runScript("setup.ts", ["--only", "etcd", "--check"], { BAUBAU_CACHE_DIR: cache });
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/cannot provide etcd: not in the cache/);
  });

  it("names an unknown engine and the known ones, with the usage (exit 2)", async () => {
    const r = await runScript("setup.ts", ["--only", "kubelet"], { BAUBAU_CACHE_DIR: cache });
    expect(r.code).toBe(2);
    expect(r.output).toContain("Usage: scripts/setup");
    expect(r.output).toMatch(
      /unknown engine kubelet; known: pulumi, pulumi-resource-kubernetes, kwok, etcd, kubernetes/,
    );
  });
});
