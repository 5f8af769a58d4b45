// scripts/operator refuses bad arguments with a precise message and exit 1, before touching a cluster.
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { parseOperatorArgs } from "../../../scripts/operator-args.ts";
import { ROOT } from "../../../toolchain/paths.ts";
import { paths } from "../../../twin/kwok.ts";

describe("scripts/operator arguments", () => {
  it.each([
    [["--workers", "0"], '--workers: expected a number in (0, 256], got "0"'],
    [["--workers", "2.5"], '--workers: expected a whole number, got "2.5"'],
    [["--lease-duration", "soon"], '--lease-duration: expected a positive number, got "soon"'],
    [["--metrics-bind-address", "8080"], '--metrics-bind-address: expected HOST:PORT, got "8080"'],
    [["--log-level", "loud"], '--log-level: expected debug, info or error, got "loud"'],
    [["--cluster", "dc-prod", "--in-cluster"], "give one of --kubeconfig, --cluster and --in-cluster"],
    [["--frobnicate"], "Unknown option '--frobnicate'"],
    [["sideways"], 'unknown command "sideways"; give one of: run, start, stop, status'],
    [["start", "now"], "unexpected argument(s): now"],
    [["start", "--kubeconfig", "x.yaml"], "start takes --cluster and --workers, not --kubeconfig"],
    [["stop", "--workers", "2"], "stop takes --cluster, not --workers"],
  ])("%j is refused: %s", (args, message) => {
    expect(() => parseOperatorArgs(args)).toThrow(message);
  });

  it("defaults: the twin's dc-prod, 8 workers, client-go's Lease timings, loopback metrics", () => {
    const a = parseOperatorArgs([]);
    expect(a.kubeconfig).toBe(paths.kubeconfig("dc-prod"));
    expect(a).toMatchObject({
      workers: 8,
      host: "127.0.0.1",
      port: 8080,
      leaderElect: true,
      leaseMs: 15_000,
      renewMs: 10_000,
      retryMs: 2_000,
    });
  });

  it("start/stop/status name the twin cluster; run is the default", () => {
    expect(parseOperatorArgs([]).command).toBe("run");
    expect(parseOperatorArgs(["start", "--cluster", "dc-mgmt", "--workers", "4"])).toMatchObject({
      command: "start",
      cluster: "dc-mgmt",
      workers: 4,
    });
    expect(parseOperatorArgs(["stop"])).toMatchObject({ command: "stop", cluster: undefined });
  });

  // Without tsx, as the shim runs it: every module the operator loads is erasable TypeScript.
  it("the entry point, on Node's own type stripping, exits 1 with the message", async () => {
    const run = promisify(execFile)(
      process.execPath,
      [join(ROOT, "scripts", "operator.ts"), "--kubeconfig", "/nonexistent.yaml"],
      {
        cwd: ROOT,
      },
    );
    await expect(run).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("kubeconfig /nonexistent.yaml does not exist"),
    });
  }, 30_000);

  it("status, which loads the twin's tooling through tsx on demand, works from the stripped entry point", async () => {
    const twinDir = await mkdtemp(join(tmpdir(), "baubau-twin-"));
    try {
      const { stderr } = await promisify(execFile)(
        process.execPath,
        [join(ROOT, "scripts", "operator.ts"), "status"],
        { cwd: ROOT, env: { ...process.env, BAUBAU_TWIN_DIR: twinDir } },
      );
      expect(stderr).toContain("no background operator");
    } finally {
      await rm(twinDir, { recursive: true, force: true });
    }
  }, 60_000);
});
