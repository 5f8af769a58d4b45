// Hashes that must not depend on how a JSON value happens to be laid out: RFC 8785 canonical JSON
// (sorted keys, fixed number format) before SHA-256.
import { createHash } from "node:crypto";
import canonicalize from "canonicalize";

export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error("value has no JSON form");
  return text;
}

export function hashJson(value: unknown): string {
  return sha256(canonicalJson(value));
}
