// scripts/setup: brings the machine to what the toolkit needs, idempotently, with progress (see --help).
import { existsSync, lstatSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { ENGINES, ensureEngine, GoRunner, MissingEngine } from "../toolchain/engines.ts";
import { bin, CACHE_DIR, engineEnv, PULUMI_HOME, ROOT, versions } from "../toolchain/paths.ts";
import { $, failureText } from "../toolchain/process.ts";
import { formatDuration, log, Steps } from "../toolchain/progress.ts";
import { prepareEngineHome } from "../toolchain/pulumi-engine.ts";
import { parseArgsOrExit } from "./lib/cli.ts";

const USAGE = `Usage: scripts/setup [--only ENGINE,...] [--check] [--no-apt]

Installs what the toolkit needs, idempotently: Node 24 and the npm packages (done by the shell shim
before this runs), Debian packages, the engines built from Go modules into the cache
(${CACHE_DIR}), and the Kubernetes provider plugin. A second run with everything present takes seconds.

  --only ENGINE,...  just these engines: ${ENGINES.map((e) => e.name).join(", ")}
  --check            change nothing; exit 1 when something is missing or damaged
  --no-apt           skip the Debian packages
  -h, --help         show this help

Exit status: 0 when everything is ready; 1 when something could not be provided; 2 when the
arguments are wrong.`;

const flags = parseArgsOrExit((args) => {
  const { values } = parseArgs({
    args,
    options: {
      only: { type: "string" },
      check: { type: "boolean", default: false },
      "no-apt": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const unknown = values.only?.split(",").filter((o) => !ENGINES.some((e) => e.name === o.trim()));
  if (unknown?.length) {
    throw new Error(
      `--only: unknown engine ${unknown.join(", ")}; known: ${ENGINES.map((e) => e.name).join(", ")}`,
    );
  }
  return values;
}, USAGE);

// gdal-bin: ogrinfo opens the GeoJSON export with the same driver QGIS uses (tests/e2e/geojson-gdal.test.ts).
// prometheus-blackbox-exporter probes the sites' stand-ins in the twin (monitoring/).
const DEBIAN_PACKAGES = [
  "prometheus",
  "prometheus-alertmanager",
  "prometheus-blackbox-exporter",
  "chromium",
  "jq",
  "gdal-bin",
];

async function missingDebianPackages(): Promise<string[]> {
  const missing: string[] = [];
  for (const pkg of DEBIAN_PACKAGES) {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format syntax
    const format = "-f=${Status}";
    const status = await $({ nothrow: true })`dpkg-query -W ${format} ${pkg}`;
    if (!status.stdout.includes("install ok installed")) missing.push(pkg);
  }
  return missing;
}

/** Runs apt with its output on the terminal, so a long install shows its own progress. */
async function streamed(cmd: string, args: string[]): Promise<void> {
  const result = await $({
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    nothrow: true,
  })`${cmd} ${args}`;
  if (!result.ok) throw new Error(`${cmd} ${args.join(" ")} exited ${result.exitCode}`);
}

async function ensureDebianPackages(): Promise<string> {
  const missing = await missingDebianPackages();
  if (missing.length === 0) return `present (${DEBIAN_PACKAGES.join(", ")})`;
  if (flags.check) throw new MissingEngine("debian packages", `not installed: ${missing.join(", ")}`);
  const asRoot = process.getuid?.() === 0;
  const sudo = asRoot ? [] : ["sudo", "-n"];
  if (!asRoot && !existsSync("/usr/bin/sudo")) {
    throw new MissingEngine(
      "debian packages",
      `not installed: ${missing.join(", ")}, and this user cannot install them. Run: sudo apt-get install -y ${missing.join(" ")}`,
    );
  }
  const [cmd, ...pre] = sudo.length ? sudo : ["apt-get"];
  const apt = (args: string[]) =>
    streamed(cmd as string, [...pre, ...(sudo.length ? ["apt-get"] : []), ...args]);
  log("setup", `apt-get install ${missing.join(" ")}`);
  await apt(["update", "-q"]);
  await apt(["install", "-y", "-q", "--no-install-recommends", ...missing]);
  const still = await missingDebianPackages();
  if (still.length)
    throw new MissingEngine("debian packages", `apt-get did not install: ${still.join(", ")}`);
  return `installed ${missing.join(", ")}`;
}

/** The engine only loads a provider plugin whose version equals what @pulumi/kubernetes asks for. */
async function checkProviderVersionMatchesSdk(): Promise<string> {
  const pkg = JSON.parse(
    await readFile(join(ROOT, "node_modules/@pulumi/kubernetes/package.json"), "utf8"),
  ) as {
    pulumi?: { version?: string };
    version: string;
  };
  const wanted = pkg.pulumi?.version ?? pkg.version;
  if (wanted !== versions.kubernetesProvider.version) {
    throw new MissingEngine(
      "pulumi-resource-kubernetes",
      `@pulumi/kubernetes asks for plugin ${wanted} but toolchain/versions.json pins ${versions.kubernetesProvider.version}; ` +
        "change them together (and the provider's moduleVersion).",
    );
  }
  return `@pulumi/kubernetes wants kubernetes ${wanted}: pinned`;
}

async function ensureProviderPlugin(): Promise<string> {
  const v = versions.kubernetesProvider.version;
  const installed = join(PULUMI_HOME, "plugins", `resource-kubernetes-v${v}`, "pulumi-resource-kubernetes");
  const [a, b] = await Promise.all([stat(installed).catch(() => undefined), stat(bin.kubernetesProvider)]);
  if (a && a.size === b.size) return `kubernetes v${v} in ${PULUMI_HOME}`;
  if (flags.check) throw new MissingEngine("kubernetes plugin", `not installed in ${PULUMI_HOME}`);
  await $({
    env: engineEnv(),
  })`${bin.pulumi} plugin install resource kubernetes ${v} --file ${bin.kubernetesProvider} --reinstall`.catch(
    (error: unknown) => {
      throw new MissingEngine("kubernetes plugin", `pulumi plugin install failed: ${failureText(error)}`);
    },
  );
  return `installed kubernetes v${v} into ${PULUMI_HOME}`;
}

/** The toolkit's engine home keeps no automatic CLI logs (toolchain/pulumi-engine.ts); a home the
 * user chose is theirs. Before the plugin install, which is the first CLI run on a new machine. */
function ensureEngineHome(): string {
  if (process.env.PULUMI_HOME) return `${PULUMI_HOME} is yours (PULUMI_HOME): left as it is`;
  if (!flags.check) prepareEngineHome(PULUMI_HOME);
  const off = lstatSync(join(PULUMI_HOME, "logs"), { throwIfNoEntry: false })?.isFile() === true;
  return `${PULUMI_HOME}: Pulumi's automatic logs ${off ? "off" : "on"}`;
}

async function diskUsage(): Promise<string> {
  const { stdout } = await $({ nothrow: true })`du -sh ${CACHE_DIR}`;
  return stdout.split(/\s/)[0] || "?";
}

async function main(): Promise<void> {
  const only = flags.only?.split(",").map((s) => s.trim());
  const engines = only ? ENGINES.filter((e) => only.includes(e.name)) : ENGINES;
  const withPlugin = !only || only.includes("pulumi-resource-kubernetes");
  const total = 1 + (only || flags["no-apt"] ? 0 : 1) + engines.length + (withPlugin ? 3 : 0);
  const steps = new Steps("setup", total);
  log("setup", `cache: ${CACHE_DIR}`);

  await steps.run(
    "node runtime",
    async () => `${process.version} (${process.execPath}), npm packages installed`,
    (s) => s,
  );
  if (!only && !flags["no-apt"]) await steps.run("debian packages", ensureDebianPackages, (s) => s);
  if (withPlugin)
    await steps.run("provider version vs @pulumi/kubernetes", checkProviderVersionMatchesSdk, (s) => s);
  const go = new GoRunner();
  for (const engine of engines) {
    await steps.run(
      `engine ${engine.name}`,
      () => ensureEngine(engine, go, { checkOnly: flags.check }),
      (s) => s,
    );
  }
  if (withPlugin) {
    await steps.run(
      "Pulumi's engine home",
      async () => ensureEngineHome(),
      (s) => s,
    );
    await steps.run("kubernetes plugin in Pulumi's plugin cache", ensureProviderPlugin, (s) => s);
  }

  log("setup", `ready in ${formatDuration(steps.elapsed())}; cache uses ${await diskUsage()}`);
}

main().catch((err: unknown) => {
  if (err instanceof MissingEngine) {
    log("setup", `cannot provide ${err.engine}: ${err.why}`);
    log("setup", `see README.md, Troubleshooting; build logs are in ${join(CACHE_DIR, "logs")}`);
  } else {
    log("setup", err instanceof Error ? (err.stack ?? err.message) : String(err));
  }
  process.exit(1);
});
