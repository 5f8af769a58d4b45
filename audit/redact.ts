// Secret values out of everything the audit writes. The report renders names, kinds and property
// paths only, never input values; this is the second line: known secret values (the stack's
// secret config, decrypted by `scripts/audit` for this purpose only) and credential-shaped text
// (PEM blocks, long base64 runs such as kubeconfig key data) are replaced wherever they occur.
export const MASK = "[secret]";

/** Shorter secrets cannot be scrubbed without mangling ordinary words; `scripts/audit` warns of them. */
export const MIN_SECRET_LENGTH = 6;

/** The forms a secret takes in the files: as is, JSON-escaped, and each long line of a multi-line one. */
function forms(secret: string): string[] {
  const out = new Set<string>([secret, JSON.stringify(secret).slice(1, -1)]);
  for (const line of secret.split(/\r?\n/)) {
    const t = line.trim();
    if (t.length >= 16) out.add(t);
  }
  return [...out].filter((s) => s.length >= MIN_SECRET_LENGTH);
}

const PEM = /-----BEGIN [A-Z0-9 ]+-----[\s\S]*?-----END [A-Z0-9 ]+-----/g;
const LONG_BASE64 = /[A-Za-z0-9+/]{40,}={0,2}/g;
/** A hex digest is not a secret (plan and report hashes must stay readable). */
const HEX_ONLY = /^[0-9a-f]+$/;

export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  const all = [...new Set(secrets.flatMap(forms))].sort((a, b) => b.length - a.length);
  for (const s of all) out = out.split(s).join(MASK);
  return out.replace(PEM, MASK).replace(LONG_BASE64, (m) => (HEX_ONLY.test(m) ? m : MASK));
}

/** Secret values out of `pulumi config --show-secrets --json` output. */
export function secretConfigValues(configJson: string): string[] {
  const parsed = JSON.parse(configJson) as Record<string, { value?: unknown; secret?: boolean }>;
  return Object.keys(parsed)
    .sort()
    .flatMap((k) => {
      const entry = parsed[k];
      if (!entry?.secret || entry.value === undefined) return [];
      return [typeof entry.value === "string" ? entry.value : JSON.stringify(entry.value)];
    });
}
