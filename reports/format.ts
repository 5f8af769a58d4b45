// Number formatting shared by every output, so the terminal, Markdown and HTML show the same figures.

export function percent(ratio: number, digits = 1): string {
  return `${(ratio * 100).toFixed(digits)}%`;
}

/** Rupiah in juta (millions), the unit Indonesian budget documents use for project costs. */
export function rupiahJuta(rp: number): string {
  const juta = rp / 1_000_000;
  const digits = juta >= 100 ? 0 : 1;
  return `Rp ${juta.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })} juta`;
}

export function db(value: number): string {
  return `${value.toFixed(1)} dB`;
}
