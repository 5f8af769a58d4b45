// The whole plan as JSON: the analysis result as is, plus each site's VLAN subnets spelled out, so a
// consumer needs none of our code to know which /28 is the CCTV network of which site.
import { type IpamResult, siteVlanSubnets } from "../../model/analyses/ipam.ts";

export function renderPlanJson(plan: IpamResult): string {
  const sites = plan.sites.map((s) => ({ ...s, vlans: siteVlanSubnets(s.prefix) }));
  return `${JSON.stringify({ ...plan, sites }, null, 2)}\n`;
}
