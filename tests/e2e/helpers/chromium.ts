// The system's headless Chromium with a fresh profile per run: no cache, cookies or extensions from
// earlier runs can change a result, and nothing reaches the network on its own.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-quic",
  "--no-first-run",
  "--disable-sync",
];

export interface Browser {
  context: BrowserContext;
  /** Closes the browser and removes its profile. */
  close(): Promise<void>;
}

export async function launchChromium(
  profilePrefix: string,
  viewport: { width: number; height: number },
): Promise<Browser> {
  const profileDir = mkdtempSync(join(tmpdir(), profilePrefix));
  try {
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: "/usr/bin/chromium",
      args: CHROMIUM_ARGS,
      viewport,
    });
    return {
      context,
      async close() {
        await context.close();
        rmSync(profileDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    rmSync(profileDir, { recursive: true, force: true });
    throw err;
  }
}
