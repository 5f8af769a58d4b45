// Command-line contract of scripts/ipam, kept apart from the entry point so it can be tested.
import { parseOptions } from "../lib/options.ts";

export const IPAM_FORMATS = ["csv-prefixes", "csv-vlans", "json"] as const;
export type IpamFormat = (typeof IPAM_FORMATS)[number];

export const USAGE = `Usage: scripts/ipam [--inventory DIR] [--check | --write | --format FORMAT [--out FILE]]

The IP and VLAN plan of the city network, kept stable by the lock DIR/ipam-lock.yaml.

  (no mode)         summary: each pool's capacity, used, free and retired slots; the allocations
                    this run would add to the lock; exhausted pools
  --check           exit 1 when the lock is behind the inventory (ids without an allocation in the
                    lock) or is not in the form --write writes; lists the lines it lacks. For CI.
  --write           add the new allocations to the lock and print them; existing lines, retired
                    ones included, are kept as they are. Refuses (exit 1) when a pool is exhausted.
  --format FORMAT   print the plan for another system instead of the summary:
                      csv-prefixes  NetBox IPAM > Prefixes bulk import (pools, site blocks and their
                                    VLAN subnets, /31 links, /32 loopbacks)
                      csv-vlans     NetBox IPAM > VLANs bulk import (site VLANs, tenant VLANs)
                      json          the whole plan, with every site's VLAN subnets
  --out FILE        with --format: write to FILE (directories are created, the file is replaced
                    whole or not at all) instead of standard output
  --inventory DIR   inventory directory (default: inventory/ of this repository)
  -h, --help        show this help

Exit status: 0 on success; 1 when the inventory or the lock has problems (each printed as
file:line:column), --check finds the lock behind, --write finds a pool exhausted, or a file cannot
be written; 2 when the arguments are wrong.`;

export type IpamMode =
  | { kind: "summary" }
  | { kind: "check" }
  | { kind: "write" }
  | { kind: "format"; format: IpamFormat };

export interface IpamArgs {
  inventory: string | undefined;
  mode: IpamMode;
  out: string | undefined;
  help: boolean;
}

/** Throws an Error with a one-line message for the user on bad arguments. */
export function parseIpamArgs(argv: string[]): IpamArgs {
  const values = parseOptions(argv, {
    inventory: "string",
    check: "boolean",
    write: "boolean",
    format: "string",
    out: "string",
  });
  const modes = [
    values.check && "--check",
    values.write && "--write",
    values.format !== undefined && "--format",
  ].filter((m): m is string => typeof m === "string");
  if (modes.length > 1) throw new Error(`${modes.join(" and ")} are alternatives: give one of them`);
  if (values.out !== undefined && values.format === undefined) throw new Error("--out goes with --format");
  let mode: IpamMode = { kind: "summary" };
  if (values.check) mode = { kind: "check" };
  else if (values.write) mode = { kind: "write" };
  else if (values.format !== undefined) {
    const format = values.format;
    if (!(IPAM_FORMATS as readonly string[]).includes(format)) {
      throw new Error(`--format "${format}" is not one of: ${IPAM_FORMATS.join(", ")}`);
    }
    mode = { kind: "format", format: format as IpamFormat };
  }
  return { inventory: values.inventory, mode, out: values.out, help: values.help ?? false };
}
