// IPv4 prefixes as unsigned integers: ipaddr.js parses and prints, arithmetic stays on numbers so
// that carving 500k subnets does not build 500k parser objects.
import ipaddr from "ipaddr.js";

export interface Prefix {
  /** Network address as an unsigned 32-bit integer. */
  base: number;
  length: number;
}

export function parsePrefix(cidr: string): Prefix {
  let parsed: [ipaddr.IPv4 | ipaddr.IPv6, number];
  try {
    parsed = ipaddr.parseCIDR(cidr);
  } catch {
    throw new Error(`"${cidr}" is not a CIDR prefix (expected e.g. 10.72.0.0/16)`);
  }
  const [addr, length] = parsed;
  if (addr.kind() !== "ipv4") throw new Error(`"${cidr}" is not IPv4`);
  const base = toInt(addr as ipaddr.IPv4);
  if (base % size(length) !== 0) {
    throw new Error(
      `"${cidr}" has host bits set; the network is ${formatPrefix({ base: base - (base % size(length)), length })}`,
    );
  }
  return { base, length };
}

function toInt(addr: ipaddr.IPv4): number {
  return addr.octets.reduce((acc, o) => acc * 256 + o, 0);
}

/** Addresses in a prefix of this length. */
export function size(length: number): number {
  return 2 ** (32 - length);
}

export function formatAddress(value: number): string {
  return ipaddr
    .fromByteArray([(value >>> 24) & 255, (value >>> 16) & 255, (value >>> 8) & 255, value & 255])
    .toString();
}

export function formatPrefix(p: Prefix): string {
  return `${formatAddress(p.base)}/${p.length}`;
}

/** True when `inner` lies wholly inside `outer`. */
export function contains(outer: Prefix, inner: Prefix): boolean {
  return (
    inner.length >= outer.length &&
    inner.base >= outer.base &&
    inner.base + size(inner.length) <= outer.base + size(outer.length)
  );
}

export function overlaps(x: Prefix, y: Prefix): boolean {
  return x.base < y.base + size(y.length) && y.base < x.base + size(x.length);
}
