// Ports for the twin's API servers: a free one from the kernel, or the one the user pinned —
// and then a clear error if something else holds it, never a silent clash.
import { type AddressInfo, createServer, type Server } from "node:net";

export class PortInUse extends Error {
  readonly port: number;
  readonly purpose: string;
  readonly envVar: string;

  constructor(port: number, purpose: string, envVar: string) {
    super(
      `port ${port} on 127.0.0.1 (${purpose}) is already in use by another process. ` +
        `Free it, set ${envVar} to another port, or unset ${envVar} to let the twin pick a free one.`,
    );
    this.port = port;
    this.purpose = purpose;
    this.envVar = envVar;
  }
}

function probe(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(undefined));
    server.listen({ host: "127.0.0.1", port, exclusive: true }, () => {
      const address = server.address();
      const bound = typeof address === "object" && address ? address.port : undefined;
      server.close(() => resolve(bound));
    });
  });
}

export function portEnvVar(cluster: string): string {
  return `BAUBAU_TWIN_PORT_${cluster.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`;
}

/** The API server port for a cluster: pinned by env and checked free, or picked by the kernel. */
export async function apiserverPort(cluster: string, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const envVar = portEnvVar(cluster);
  const pinned = env[envVar];
  if (pinned !== undefined && pinned !== "") {
    const port = Number(pinned);
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      throw new Error(`${envVar}=${pinned} is not a TCP port (1-65535)`);
    }
    if ((await probe(port)) === undefined)
      throw new PortInUse(port, `API server of twin cluster ${cluster}`, envVar);
    return port;
  }
  const port = await probe(0);
  if (port === undefined) throw new Error("the kernel gave no free port on 127.0.0.1");
  return port;
}

/** kwokctl components that listen on the host besides the API server, with kwokctl's flag for each. */
const COMPONENT_PORT_FLAGS = [
  "--etcd-port",
  "--controller-port",
  "--kube-controller-manager-port",
  "--kube-scheduler-port",
] as const;

/**
 * kwokctl flags giving every other component of a new cluster a port picked by the kernel.
 * Left to itself kwokctl counts down from one fixed port, so two twins created at the same time on
 * one machine (two checkouts testing at once) race for the same ports and one component dies with
 * "address already in use".
 */
export async function componentPortFlags(): Promise<string[]> {
  // All listeners stay open until every port is known, so the kernel cannot hand one out twice.
  const servers = await Promise.all(
    COMPONENT_PORT_FLAGS.map(
      () =>
        new Promise<Server>((resolve, reject) => {
          const server = createServer();
          server.once("error", reject);
          server.listen({ host: "127.0.0.1", port: 0, exclusive: true }, () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((s) => (s.address() as AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return COMPONENT_PORT_FLAGS.flatMap((flag, i) => [flag, String(ports[i])]);
}
