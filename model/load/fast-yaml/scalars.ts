// Scalars and keys of the subset, resolved exactly as the yaml package's core schema does.
import { outside } from "./outside.ts";

export const KEY = /^[A-Za-z0-9_][A-Za-z0-9_.\-/]*$/;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * Whether `s` is a core-schema int or float in decimal: /^[-+]?[0-9]+$/ or
 * /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/ (the second covers the first).
 * Scanned by hand: the two regular expressions were a tenth of the reader's time.
 */
export function isDecimalNumber(s: string): boolean {
  const n = s.length;
  let i = 0;
  let c = s.charCodeAt(0);
  if (c === 43 || c === 45) i++;
  let digits = 0;
  while (i < n && isDigit(s.charCodeAt(i))) {
    i++;
    digits++;
  }
  if (i < n && s.charCodeAt(i) === 46) {
    i++;
    while (i < n && isDigit(s.charCodeAt(i))) {
      i++;
      digits++;
    }
  }
  if (digits === 0) return false;
  if (i < n) {
    c = s.charCodeAt(i);
    if (c !== 101 && c !== 69) return false;
    i++;
    c = s.charCodeAt(i);
    if (c === 43 || c === 45) i++;
    const from = i;
    while (i < n && isDigit(s.charCodeAt(i))) i++;
    if (i === from) return false;
  }
  return i === n;
}

/** YAML 1.2 core schema resolution of a plain scalar, as the `yaml` package does it. */
export function resolvePlain(s: string): unknown {
  switch (s) {
    case "":
    case "~":
    case "null":
    case "Null":
    case "NULL":
      return null;
    case "true":
    case "True":
    case "TRUE":
      return true;
    case "false":
    case "False":
    case "FALSE":
      return false;
  }
  const c = s.charCodeAt(0);
  // Digits, sign or dot: maybe a number. Special forms (0x, 0o, .inf, .nan) are left to `yaml`.
  if ((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46) {
    if (isDecimalNumber(s)) return Number(s);
    if (/^[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)$/.test(s) || /^0[xo]/.test(s)) outside();
  }
  return s;
}

export function setKey(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__" || Object.hasOwn(obj, key)) outside();
  obj[key] = value;
}
