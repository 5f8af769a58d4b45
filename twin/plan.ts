// What the twin should look like, derived from the data-center inventory: one kwok cluster per
// inventory cluster, one fake node per server, labelled with its rack and zone and given the
// server's capacity. Pure: no processes, no files.
import type { DataCenter } from "../model/types.ts";

export const LABEL_PREFIX = "smartcity.baubaukota.go.id";
export const MANAGED_BY = "baubau-twin";

export interface TwinCluster {
  name: string;
  kubernetesVersion: string;
  nodes: NodeManifest[];
}

export interface NodeManifest {
  apiVersion: "v1";
  kind: "Node";
  metadata: { name: string; labels: Record<string, string>; annotations: Record<string, string> };
  spec: { taints?: { key: string; effect: "NoSchedule" }[] };
  status: {
    capacity: Record<string, string>;
    allocatable: Record<string, string>;
    nodeInfo: Record<string, string>;
  };
}

export function planTwin(dc: DataCenter): TwinCluster[] {
  const racks = new Map(dc.racks.map((r) => [r.id, r]));
  return [...dc.clusters]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((cluster) => ({
      name: cluster.id,
      kubernetesVersion: cluster.kubernetesVersion,
      nodes: dc.servers
        .filter((s) => s.cluster === cluster.id)
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((server): NodeManifest => {
          const rack = racks.get(server.rack);
          if (!rack) throw new Error(`server ${server.id}: rack ${server.rack} is not in the inventory`);
          const resources = {
            cpu: String(server.cpu),
            memory: `${server.memoryGi}Gi`,
            pods: String(server.pods),
          };
          const controlPlane = server.role === "control-plane";
          return {
            apiVersion: "v1",
            kind: "Node",
            metadata: {
              name: server.id,
              labels: {
                "kubernetes.io/hostname": server.id,
                "kubernetes.io/os": "linux",
                "kubernetes.io/arch": "amd64",
                "topology.kubernetes.io/region": dc.id,
                "topology.kubernetes.io/zone": rack.zone,
                [`${LABEL_PREFIX}/rack`]: rack.id,
                [`${LABEL_PREFIX}/rack-position`]: String(server.position),
                [`${LABEL_PREFIX}/role`]: server.role,
                ...(controlPlane ? { "node-role.kubernetes.io/control-plane": "" } : {}),
                "app.kubernetes.io/managed-by": MANAGED_BY,
                type: "kwok",
              },
              // kwok only drives nodes carrying this annotation.
              annotations: { "kwok.x-k8s.io/node": "fake" },
            },
            spec: controlPlane
              ? { taints: [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }] }
              : {},
            status: {
              capacity: resources,
              allocatable: resources,
              nodeInfo: {
                architecture: "amd64",
                operatingSystem: "linux",
                kubeletVersion: `v${cluster.kubernetesVersion}`,
                kubeProxyVersion: "fake",
              },
            },
          };
        }),
    }));
}
