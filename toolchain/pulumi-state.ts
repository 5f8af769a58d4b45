// The embedded default backend: Pulumi state in a file backend inside the project, and a
// passphrase for its secrets created on first use (git-ignored, owner-only).
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { engineEnv, STATE_DIR } from "./paths.ts";

export interface StateLocation {
  backendUrl: string;
  passphraseFile: string;
}

export async function ensureFileBackend(stateDir: string = STATE_DIR): Promise<StateLocation> {
  const backend = join(stateDir, "backend");
  const passphraseFile = join(stateDir, "passphrase");
  await mkdir(backend, { recursive: true, mode: 0o700 });
  if (!existsSync(passphraseFile)) {
    await writeFile(passphraseFile, `${randomBytes(24).toString("base64url")}\n`, {
      mode: 0o600,
      flag: "wx",
    });
  }
  return { backendUrl: `file://${backend}`, passphraseFile };
}

/** Environment for the Pulumi CLI against the file backend (unless the user chose another). */
export function pulumiEnv(state: StateLocation, extra: Record<string, string> = {}): Record<string, string> {
  const userBackend = process.env.PULUMI_BACKEND_URL;
  return engineEnv({
    PULUMI_BACKEND_URL: userBackend ?? state.backendUrl,
    ...(process.env.PULUMI_CONFIG_PASSPHRASE ? {} : { PULUMI_CONFIG_PASSPHRASE_FILE: state.passphraseFile }),
    ...extra,
  });
}
