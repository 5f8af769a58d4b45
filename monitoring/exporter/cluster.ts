// Reads the SmartService objects of a cluster (group smartcity.baubaukota.go.id, v1alpha1) through
// @kubernetes/client-node, and their Ready condition (status.conditions[type=Ready].status == "True").
import { CustomObjectsApi, KubeConfig } from "@kubernetes/client-node";
import type { LiveService } from "./services.ts";

export const SMART_SERVICE = {
  group: "smartcity.baubaukota.go.id",
  version: "v1alpha1",
  plural: "smartservices",
};

interface SmartServiceObject {
  metadata?: { name?: string; namespace?: string };
  status?: { conditions?: { type?: string; status?: string }[] };
}

export function readyOf(object: SmartServiceObject): LiveService {
  const ready = object.status?.conditions?.find((c) => c.type === "Ready");
  return {
    namespace: object.metadata?.namespace ?? "",
    name: object.metadata?.name ?? "",
    ready: ready?.status === "True",
  };
}

export type ListSmartServices = () => Promise<LiveService[]>;

export function smartServiceLister(kubeconfigPath: string): ListSmartServices {
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfigPath);
  const api = kc.makeApiClient(CustomObjectsApi);
  return async () => {
    const list = (await api.listClusterCustomObject(SMART_SERVICE)) as { items?: SmartServiceObject[] };
    return (list.items ?? [])
      .map(readyOf)
      .sort((x, y) => (`${x.namespace}/${x.name}` < `${y.namespace}/${y.name}` ? -1 : 1));
  };
}
