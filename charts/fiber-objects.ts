// One FiberSite or FiberLink object per inventory record: the record is the spec, the id the name,
// and labels carry what dashboards select by (status, category or tier, kecamatan).
import { ApiObject } from "cdk8s";
import type { Link, Site } from "../model/types.ts";
import { FIBER_VERSION } from "./crds/fiber.ts";
import { GROUP, type Manifest } from "./labels.ts";
import { synth } from "./synth.ts";

const apiVersion = `${GROUP}/${FIBER_VERSION}`;
const base = {
  "app.kubernetes.io/part-of": "baubau-smartcity",
  "app.kubernetes.io/managed-by": "baubau-iac",
};

export function fiberSiteObject(site: Site): Manifest {
  return only(
    synth("fiber-network", (scope) => {
      new ApiObject(scope, site.id, {
        apiVersion,
        kind: "FiberSite",
        metadata: {
          name: site.id,
          labels: {
            ...base,
            [`${GROUP}/category`]: site.category,
            [`${GROUP}/kecamatan`]: site.kecamatan,
            [`${GROUP}/status`]: site.connection.status,
          },
        },
        spec: site,
      });
    }),
  );
}

export function fiberLinkObject(link: Link): Manifest {
  return only(
    synth("fiber-network", (scope) => {
      new ApiObject(scope, link.id, {
        apiVersion,
        kind: "FiberLink",
        metadata: {
          name: link.id,
          labels: { ...base, [`${GROUP}/tier`]: link.tier, [`${GROUP}/status`]: link.status },
        },
        spec: link,
      });
    }),
  );
}

function only(manifests: Manifest[]): Manifest {
  const [m] = manifests;
  if (!m || manifests.length !== 1) throw new Error(`expected one object, rendered ${manifests.length}`);
  return m;
}
