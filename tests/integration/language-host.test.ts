// Our Node.js language host's own Go tests (argument parsing, plugin discovery, script lookup,
// runtime options); the end-to-end proof is first-deployment.test.ts.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { LANGUAGE_HOST_SRC } from "../../toolchain/paths.ts";

const run = promisify(execFile);

describe("toolchain/language-nodejs", () => {
  it("passes go test", { timeout: 300_000 }, async () => {
    const { stdout } = await run("go", ["test", "-count=1", "./..."], {
      cwd: LANGUAGE_HOST_SRC,
      env: { ...process.env, GOTOOLCHAIN: "local", GOFLAGS: "-mod=mod" },
    });
    expect(stdout).toMatch(/^ok\s+baubau\.local\/toolchain\/language-nodejs/m);
  });
});
