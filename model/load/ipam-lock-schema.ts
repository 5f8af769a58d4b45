// The shape of inventory/ipam-lock.yaml, built from the pools it must fit. Each entry is checked on
// its own here (a CIDR, of the pool's block length, inside the pool); checks that compare entries
// with each other (overlaps, shared VLANs) need the other entry's line and live in ipam-lock-checks.ts.
import { z } from "zod";
import type { IpamOptions } from "../analyses/ipam.ts";
import { contains, formatPrefix, type Prefix, parsePrefix } from "../analyses/ipv4.ts";

export interface LockPools {
  sites: Prefix[];
  links: Prefix[];
  loopbacks: Prefix[];
}

export function lockPools(o: IpamOptions): LockPools {
  return {
    sites: o.sitePools.map(parsePrefix),
    links: [parsePrefix(o.p2pPool)],
    loopbacks: [parsePrefix(o.loopbackPool)],
  };
}

/** Parses a CIDR, or undefined when it is not one (the schema has already said why). */
export function tryPrefix(cidr: unknown): Prefix | undefined {
  if (typeof cidr !== "string") return undefined;
  try {
    return parsePrefix(cidr);
  } catch {
    return undefined;
  }
}

function block(what: string, pools: readonly Prefix[], length: number) {
  const ranges = pools.map(formatPrefix).join(", ");
  return z.string().superRefine((cidr, ctx) => {
    let p: Prefix;
    try {
      p = parsePrefix(cidr);
    } catch (error) {
      // parsePrefix names the network when only host bits are wrong: the nearest valid value.
      ctx.addIssue({ code: "custom", message: error instanceof Error ? error.message : String(error) });
      return;
    }
    if (p.length !== length) {
      ctx.addIssue({ code: "custom", message: `"${cidr}" is a /${p.length}; ${what} are /${length}` });
      return;
    }
    if (!pools.some((pool) => contains(pool, p))) {
      ctx.addIssue({ code: "custom", message: `"${cidr}" lies outside the ${what} pool ${ranges}` });
    }
  });
}

// A section written with no entries under it reads as null; that is an empty section, not an error.
const section = <T extends z.ZodType>(value: T) =>
  z
    .record(z.string().min(1), value)
    .nullish()
    .transform((v) => v ?? {});

export function ipamLockSchema(o: IpamOptions, pools: LockPools = lockPools(o)) {
  return z.strictObject({
    sites: section(block("site blocks", pools.sites, o.sitePrefixLength)),
    links: section(block("point-to-point links", pools.links, 31)),
    loopbacks: section(block("loopbacks", pools.loopbacks, 32)),
    tenantVlans: section(z.number().int().min(o.tenantVlanFirst).max(o.tenantVlanLast)),
  });
}
