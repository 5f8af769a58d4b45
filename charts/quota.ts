// A tenant's quota follows from its services: every container's limits at the autoscaling ceiling,
// plus one surge pod per service for rolling updates. Quantities are the catalog's (the schema only
// admits millicores or cores, and binary memory units), so the arithmetic stays exact.
import type { ServiceWorkload } from "../model/types.ts";

const MEMORY_MI: Record<string, number> = {
  "": 1 / (1024 * 1024),
  Ki: 1 / 1024,
  Mi: 1,
  Gi: 1024,
  Ti: 1024 * 1024,
};

export function milliCpu(cpu: string): number {
  return cpu.endsWith("m") ? Number(cpu.slice(0, -1)) : Math.round(Number(cpu) * 1000);
}

export function memoryMi(memory: string): number {
  const m = /^([0-9]+)(Ki|Mi|Gi|Ti)?$/.exec(memory);
  if (!m) throw new Error(`not a memory quantity: ${memory}`);
  return Number(m[1]) * (MEMORY_MI[m[2] ?? ""] as number);
}

export interface TenantQuota {
  cpu: string;
  memory: string;
  pods: number;
}

/** A namespace with no services still gets room for one small debugging pod. */
const FLOOR = { milliCpu: 500, memoryMi: 512, pods: 4 };

export function tenantQuota(workloads: readonly ServiceWorkload[]): TenantQuota {
  let cpu = 0;
  let memory = 0;
  let pods = 0;
  for (const w of workloads) {
    const n = (w.maxReplicas ?? w.replicas) + 1;
    cpu += n * milliCpu(w.resources.limits.cpu);
    memory += n * memoryMi(w.resources.limits.memory);
    pods += n;
  }
  return {
    cpu: `${Math.max(cpu, FLOOR.milliCpu)}m`,
    memory: `${Math.ceil(Math.max(memory, FLOOR.memoryMi))}Mi`,
    pods: Math.max(pods, FLOOR.pods),
  };
}
