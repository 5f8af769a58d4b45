// The OFDS extension that carries what a site or link has and OFDS 0.3 does not (category, authority,
// tenant, kecamatan, optics, shared-risk groups, provenance). OFDS allows extra members on nodes, spans
// and networks; ours all live under one key so a consumer can tell them from the standard's own fields.
// The exporter (reports/ofds/package.ts) writes it and the importer (ofds.ts) reads it, so an export
// read back is the same inventory. docs/formats.md has the mapping field by field.
import type { Link, Provenance, Site } from "../../types.ts";

export const OFDS_EXTENSION = "baubau";

/** A node's extension: the site's fields OFDS has no place for. Provenance only where it differs from
 * the network's (most records share one source, and a national package repeats it half a million times). */
export type NodeExtension = Omit<Site, "id" | "name" | "location" | "connection" | "provenance"> & {
  connection: Omit<Site["connection"], "status">;
  provenance?: Provenance;
};

/** A span's extension; `fiber` only when OFDS's fibreType codelist cannot name it. */
export type SpanExtension = Pick<
  Link,
  "tier" | "wavelengthNm" | "splices" | "connectors" | "splitters" | "budgetDb" | "srlg"
> & { fiber?: string; provenance?: Provenance };

export interface NetworkExtension {
  /** The provenance of every node and span that does not carry its own. */
  provenance: Provenance;
}

/** Site fields that OFDS itself carries on a node; an extension repeating one is a mistake. */
export const NODE_OWN_FIELDS = ["id", "name", "location", "status"] as const;
/** Link fields that OFDS itself carries on a span. */
export const SPAN_OWN_FIELDS = [
  "id",
  "a",
  "b",
  "status",
  "deployment",
  "cores",
  "lengthKm",
  "owner",
] as const;
