// The blackbox exporter's modules for site probes: ICMP to a site router's management address in
// production, HTTP to a stand-in in the twin.
import { stringify } from "yaml";

export function blackboxConfig(timeout = "2s") {
  return {
    modules: {
      http_2xx: {
        prober: "http",
        timeout,
        http: { preferred_ip_protocol: "ip4", valid_status_codes: [200] },
      },
      icmp: { prober: "icmp", timeout, icmp: { preferred_ip_protocol: "ip4" } },
    },
  };
}

export function blackboxConfigFile(timeout?: string): string {
  return stringify(blackboxConfig(timeout));
}
