import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isReady, serverOf } from "../../../twin/api.ts";

const dir = await mkdtemp(join(tmpdir(), "baubau-twin-api-"));
afterAll(() => rm(dir, { recursive: true, force: true }));

async function kubeconfig(name: string, server: string | undefined): Promise<string> {
  const file = join(dir, `${name}.yaml`);
  const cluster = server ? `{ server: "${server}", insecure-skip-tls-verify: true }` : "{}";
  await writeFile(
    file,
    `apiVersion: v1
kind: Config
clusters: [{ name: c, cluster: ${cluster} }]
users: [{ name: u, user: { token: t } }]
contexts: [{ name: x, context: { cluster: c, user: u } }]
current-context: x
`,
  );
  return file;
}

describe("the twin's API client", () => {
  it("reads the server from the kubeconfig, and names the file when there is none", async () => {
    expect(serverOf(await kubeconfig("with", "https://127.0.0.1:6443"))).toBe("https://127.0.0.1:6443");
    const without = await kubeconfig("without", undefined);
    expect(() => serverOf(without)).toThrow(`${without}: clusters[0].cluster.server is missing`);
  });

  it("is not ready without a kubeconfig, or when nothing listens", async () => {
    expect(await isReady(join(dir, "absent.yaml"))).toBe(false);
    const closed = createServer();
    const port = await listen(closed);
    await new Promise((r) => closed.close(r));
    expect(await isReady(await kubeconfig("refused", `https://127.0.0.1:${port}`))).toBe(false);
  });

  it("gives up on a server that accepts the connection and never answers", async () => {
    // A paused kube-apiserver (SIGSTOP) looks like this: the probe ends at its own deadline.
    const sockets: Socket[] = [];
    const silent = createServer((s) => sockets.push(s));
    const port = await listen(silent);
    try {
      expect(await isReady(await kubeconfig("silent", `https://127.0.0.1:${port}`), 300)).toBe(false);
      expect(sockets.length).toBeGreaterThan(0);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((r) => silent.close(r));
    }
  });
});

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen({ host: "127.0.0.1", port: 0 }, () => resolve((server.address() as { port: number }).port)),
  );
}
