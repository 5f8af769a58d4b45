import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { apiserverPort, componentPortFlags, PortInUse, portEnvVar } from "../../../twin/ports.ts";

let held: Server | undefined;
afterEach(() => {
  held?.close();
  held = undefined;
});

function holdPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    held = server;
    server.listen({ host: "127.0.0.1", port: 0 }, () => resolve((server.address() as { port: number }).port));
  });
}

describe("apiserverPort", () => {
  it("names the env variable after the cluster", () => {
    expect(portEnvVar("dc-prod")).toBe("BAUBAU_TWIN_PORT_DC_PROD");
  });

  it("picks a free port on 127.0.0.1 when none is pinned", async () => {
    const port = await apiserverPort("dc-prod", {});
    expect(port).toBeGreaterThan(0);
    // It is really free: we can bind it.
    const s = createServer();
    await new Promise<void>((resolve, reject) => {
      s.once("error", reject);
      s.listen({ host: "127.0.0.1", port }, () => resolve());
    });
    s.close();
  });

  it("returns a pinned port that is free", async () => {
    const port = await holdPort();
    held?.close();
    await new Promise((r) => held?.once("close", r));
    expect(await apiserverPort("dc-prod", { BAUBAU_TWIN_PORT_DC_PROD: String(port) })).toBe(port);
  });

  it("refuses a pinned port another process holds, naming the port and the variable", async () => {
    const port = await holdPort();
    const attempt = apiserverPort("dc-prod", { BAUBAU_TWIN_PORT_DC_PROD: String(port) });
    await expect(attempt).rejects.toBeInstanceOf(PortInUse);
    await expect(attempt).rejects.toThrow(
      new RegExp(`port ${port} on 127.0.0.1 .* already in use.*BAUBAU_TWIN_PORT_DC_PROD`),
    );
  });

  it("refuses a pinned value that is not a port", async () => {
    await expect(apiserverPort("dc-prod", { BAUBAU_TWIN_PORT_DC_PROD: "70000" })).rejects.toThrow(
      /not a TCP port/,
    );
  });
});

describe("componentPortFlags", () => {
  it("gives each kwokctl component its own free port", async () => {
    const flags = await componentPortFlags();
    const names = flags.filter((_, i) => i % 2 === 0);
    const ports = flags.filter((_, i) => i % 2 === 1).map(Number);
    expect(names).toEqual([
      "--etcd-port",
      "--controller-port",
      "--kube-controller-manager-port",
      "--kube-scheduler-port",
    ]);
    for (const p of ports) expect(p).toBeGreaterThan(1023);
    expect(new Set(ports).size).toBe(ports.length);
  });
});
