// The floor to compare loading against: the same records as JSON, parsed by V8's native JSON.parse and
// walked once. No YAML, no schema, no cross-checks: what "just reading the data" costs on this machine.
import type { Link, Site } from "../model/types.ts";

export function jsonBaseline(text: string): { wallMs: number; cpuMs: number; checksum: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const data = JSON.parse(text) as { sites: Site[]; links: Link[] };
  // Touch every record so the walk cannot be skipped; the checksum is returned so it is used.
  let checksum = 0;
  for (const s of data.sites) if (s.connection.status === "operational") checksum += s.location.lat;
  for (const l of data.links) checksum += l.lengthKm;
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - start, cpuMs: (used.user + used.system) / 1000, checksum };
}
