// The fiber network, from model/analyses: every PoP has two SRLG-disjoint paths to two different
// cores, and every operational link keeps the 3 dB optical margin.
import { analyseDiversity } from "../../model/analyses/diversity.ts";
import { buildOperationalNetwork } from "../../model/analyses/network.ts";
import { REQUIRED_MARGIN_DB } from "../../model/analyses/optical-loss.ts";
import { analyseOptics } from "../../model/analyses/optics.ts";
import type { ModelRule } from "../rule.ts";

const WHY: Readonly<Record<string, string>> = {
  "no-core-path": "has no operational path to any core",
  "single-core": "reaches only one core",
  "single-homed": "hangs on a single link (one cut isolates it)",
  "shared-risk": "has a second path only through a shared risk group (cable, duct, pole line, bridge, entry)",
};

export const popDiversity: ModelRule = {
  kind: "model",
  id: "net-pop-diversity",
  severity: "high",
  description: "Every operational PoP has two SRLG-disjoint paths to two different cores.",
  source: "Network design (DOMAIN.md): redundant means no shared risk",
  enforcement: { twin: "advisory", production: "mandatory" },
  check(inventory) {
    const network = buildOperationalNetwork(inventory.sites, inventory.links);
    return analyseDiversity(inventory, network)
      .nodes.filter((n) => n.category === "pop" && !n.diverse)
      .map((n) => {
        const via = n.primary ? ` (its path: ${n.primary.linkIds.join(" → ")} to ${n.primary.coreId})` : "";
        return {
          subject: n.siteId,
          message:
            `PoP ${n.siteId} ${WHY[n.reason] ?? n.reason}${via}: build or light a link to a second core ` +
            "that shares no SRLG with that path, and tag both links' srlg",
        };
      });
  },
};

export const linkMargin: ModelRule = {
  kind: "model",
  id: "net-link-margin",
  severity: "high",
  description: `Every operational link keeps at least ${REQUIRED_MARGIN_DB} dB optical margin.`,
  source: "Fiber engineering (DOMAIN.md): keep at least 3 dB margin",
  enforcement: { twin: "advisory", production: "mandatory" },
  check(inventory) {
    const network = buildOperationalNetwork(inventory.sites, inventory.links);
    return analyseOptics(inventory, network)
      .links.filter((l) => l.status === "operational" && l.marginDb < REQUIRED_MARGIN_DB)
      .map((l) => ({
        subject: l.linkId,
        message:
          `link ${l.linkId}: margin ${l.marginDb} dB (budget ${l.budgetDb} dB, loss ${l.loss.totalDb} dB over ` +
          `${l.lengthKm} km at ${l.wavelengthNm} nm) is below ${REQUIRED_MARGIN_DB} dB: use optics with a ` +
          `budget of at least ${Math.ceil((l.loss.totalDb + REQUIRED_MARGIN_DB) * 10) / 10} dB, or cut splices/connectors`,
      }));
  },
};
