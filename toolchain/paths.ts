// Where the engines live and the environment every command that uses them runs with.
// Paths are derived from toolchain/versions.json alone, so no state file can go stale.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { pulumiEngineDefaults } from "./pulumi-engine.ts";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export interface Versions {
  node: string;
  go: string;
  pulumi: string;
  kubernetesProvider: { version: string; module: string; moduleVersion: string; sdkModuleVersion: string };
  kubernetes: string;
  etcd: string;
  kwok: string;
}

export const versions: Versions = JSON.parse(readFileSync(join(ROOT, "toolchain/versions.json"), "utf8"));

export const CACHE_DIR =
  process.env.BAUBAU_CACHE_DIR ??
  join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "baubau-toolkit");

/** Hash of a committed wrapper module: editing it must rebuild the engine built from it. */
export function sourceHash(dir: string): string {
  const hash = createHash("sha256");
  for (const name of readdirSync(dir).sort()) {
    // Tests do not go into the binary: editing them must not rebuild it.
    if (/\.(go|mod|sum)$/.test(name) && !name.endsWith("_test.go")) {
      hash.update(name).update(readFileSync(join(dir, name)));
    }
  }
  return hash.digest("hex").slice(0, 10);
}

export const LANGUAGE_HOST_SRC = join(ROOT, "toolchain/language-nodejs");

/** One cache entry per engine, keyed by its pinned version. */
export const engineDirs = {
  pulumi: join(CACHE_DIR, "engines", `pulumi-${versions.pulumi}`),
  kubernetesProvider: join(
    CACHE_DIR,
    "engines",
    `pulumi-resource-kubernetes-${versions.kubernetesProvider.version}`,
  ),
  kubernetes: join(CACHE_DIR, "engines", `kubernetes-${versions.kubernetes}`),
  etcd: join(CACHE_DIR, "engines", `etcd-${versions.etcd}`),
  kwok: join(CACHE_DIR, "engines", `kwok-${versions.kwok}`),
} as const;

export const PULUMI_HOME = process.env.PULUMI_HOME ?? join(CACHE_DIR, "pulumi-home");

export const bin = {
  pulumi: join(engineDirs.pulumi, "pulumi"),
  languageNodejs: join(engineDirs.pulumi, "pulumi-language-nodejs"),
  dynamicProvider: join(engineDirs.pulumi, "pulumi-resource-pulumi-nodejs"),
  kubernetesProvider: join(engineDirs.kubernetesProvider, "pulumi-resource-kubernetes"),
  kubeApiserver: join(engineDirs.kubernetes, "kube-apiserver"),
  kubeControllerManager: join(engineDirs.kubernetes, "kube-controller-manager"),
  kubeScheduler: join(engineDirs.kubernetes, "kube-scheduler"),
  kubectl: join(engineDirs.kubernetes, "kubectl"),
  etcd: join(engineDirs.etcd, "etcd"),
  kwok: join(engineDirs.kwok, "kwok"),
  kwokctl: join(engineDirs.kwok, "kwokctl"),
} as const;

/** State of the embedded default: the twin's files and the Pulumi file backend, inside the project. */
export const TWIN_DIR = process.env.BAUBAU_TWIN_DIR ?? join(ROOT, ".twin");
export const STATE_DIR = process.env.BAUBAU_STATE_DIR ?? join(ROOT, ".pulumi-state");

/**
 * Environment for the Pulumi CLI and kwokctl: the cached engines first on PATH, plugins from the
 * cache, never a download (a missing plugin is an error, not a hang), no update checks, and the
 * engine settings of toolchain/pulumi-engine.ts.
 */
export function engineEnv(extra: Record<string, string> = {}): Record<string, string> {
  const path = [
    engineDirs.pulumi,
    engineDirs.kubernetes,
    engineDirs.kwok,
    engineDirs.etcd,
    dirname(process.execPath),
    process.env.PATH ?? "",
  ].join(":");
  return {
    ...(process.env as Record<string, string>),
    PATH: path,
    PULUMI_HOME,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "false",
    ...pulumiEngineDefaults(join(CACHE_DIR, "node-compile-cache")),
    KWOK_KUBECTL_BINARY: bin.kubectl,
    KWOK_WORKDIR: join(TWIN_DIR, "kwok"),
    ...extra,
  };
}
