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

/** Exact powers of ten: 10^k is a double without rounding up to k = 22. */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * `Number(s.slice(start, end))` for a plain decimal of at most 15 significant digits, without making
 * the string: coordinates and lengths are most of an inventory's numbers, and each differs from the
 * last. NaN when the text is anything else (an exponent, more digits, not a number), for the caller
 * to resolve the slow way. Exact: a significand below 2^53 and a power of ten up to 10^22 are both
 * doubles without rounding, so one division rounds once, as Number does (Clinger's fast path).
 */
export function fastDecimal(s: string, start: number, end: number): number {
  let i = start;
  let negative = false;
  let c = s.charCodeAt(i);
  if (c === 45 || c === 43) {
    negative = c === 45;
    i++;
  }
  let significand = 0;
  let digits = 0;
  let fraction = 0;
  let dot = false;
  for (; i < end; i++) {
    c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (significand !== 0 || c !== 48) digits++;
      significand = significand * 10 + (c - 48);
      if (dot) fraction++;
    } else if (c === 46 && !dot) dot = true;
    else return Number.NaN;
  }
  // Nothing but a sign or a dot, or too long to stay exact: the slow way decides.
  const length = end - start - (negative || s.charCodeAt(start) === 43 ? 1 : 0) - (dot ? 1 : 0);
  if (length === 0 || digits > 15 || fraction > 22) return Number.NaN;
  const value = fraction === 0 ? significand : significand / (POW10[fraction] as number);
  return negative ? -value : value;
}
