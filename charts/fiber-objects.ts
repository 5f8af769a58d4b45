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
  return fiberObject("FiberSite", site, {
    [`${GROUP}/category`]: site.category,
    [`${GROUP}/kecamatan`]: site.kecamatan,
    [`${GROUP}/status`]: site.connection.status,
  });
}

export function fiberLinkObject(link: Link): Manifest {
  return fiberObject("FiberLink", link, { [`${GROUP}/tier`]: link.tier, [`${GROUP}/status`]: link.status });
}

function fiberObject(kind: string, record: Site | Link, labels: Record<string, string>): Manifest {
  return only(
    synth("fiber-network", (scope) => {
      new ApiObject(scope, record.id, {
        apiVersion,
        kind,
        metadata: { name: record.id, labels: { ...base, ...labels } },
        spec: record,
      });
    }),
  );
}

function only(manifests: Manifest[]): Manifest {
  const [m] = manifests;
  if (!m || manifests.length !== 1) throw new Error(`expected one object, rendered ${manifests.length}`);
  return m;
}
