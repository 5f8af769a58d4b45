// The engines: how each is checked in the cache, accepted from PATH, or built from Go modules.
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, existsSync } from "node:fs";
import { chmod, copyFile, mkdir, readFile, rename, rm, stat, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { CACHE_DIR, engineDirs, LANGUAGE_HOST_SRC, ROOT, sourceHash, versions } from "./paths.ts";
import { $ } from "./process.ts";
import { heartbeat, log } from "./progress.ts";

export interface Engine {
  /** Cache entry name, also what `--only` selects. */
  name: string;
  dir: string;
  /** What the cache entry was made from; a change invalidates it. */
  inputs: string;
  binaries: string[];
  /** Runs a binary and checks it answers with the pinned version. */
  probe(path: string, name: string): Promise<boolean>;
  /** Builds into `out` (a staging folder). */
  build(out: string, go: GoRunner): Promise<void>;
  /** Names to look for on PATH before building (official installs on machines with internet). */
  fromPath?: boolean;
}

interface Stamp {
  inputs: string;
  source: "built" | "path";
  files: Record<string, { size: number; mtimeMs: number; sha256: string }>;
}

async function sha256(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** What a command prints on stdout and stderr, or "" when it fails, cannot run or takes too long. */
async function output(cmd: string, args: string[], timeout = 20_000): Promise<string> {
  const result = await $({ timeout, nothrow: true })`${cmd} ${args}`;
  return result.ok ? `${result.stdout}${result.stderr}` : "";
}

const versionProbe =
  (args: string[], expected: string) =>
  async (path: string): Promise<boolean> =>
    (await output(path, args)).includes(expected);

export type CacheState =
  | { state: "ok"; source: string }
  | { state: "missing" }
  | { state: "damaged"; reason: string };

/** Checks an entry: stamp present and for these inputs, files unchanged, each binary runs and reports its version. */
export async function inspect(engine: Engine): Promise<CacheState> {
  let stampText: string;
  try {
    stampText = await readFile(join(engine.dir, ".stamp.json"), "utf8");
  } catch {
    return existsSync(engine.dir)
      ? { state: "damaged", reason: "no stamp (interrupted build?)" }
      : { state: "missing" };
  }
  let stamp: Stamp;
  try {
    stamp = JSON.parse(stampText) as Stamp;
  } catch {
    return { state: "damaged", reason: "unreadable stamp" };
  }
  if (stamp.inputs !== engine.inputs)
    return { state: "damaged", reason: "pinned versions or wrapper sources changed" };
  for (const name of engine.binaries) {
    const path = join(engine.dir, name);
    const recorded = stamp.files[name];
    const st = await stat(path).catch(() => undefined);
    if (!recorded || !st) return { state: "damaged", reason: `${name} is missing` };
    if (st.size !== recorded.size)
      return { state: "damaged", reason: `${name} has ${st.size} bytes, expected ${recorded.size}` };
    // Hashing a 100 MB binary costs a few hundred ms: only when its mtime says it was touched.
    if (st.mtimeMs !== recorded.mtimeMs && (await sha256(path)) !== recorded.sha256) {
      return { state: "damaged", reason: `${name} content changed` };
    }
  }
  const probes = await Promise.all(engine.binaries.map((name) => engine.probe(join(engine.dir, name), name)));
  const failed = engine.binaries.filter((_, i) => !probes[i]);
  if (failed.length > 0)
    return { state: "damaged", reason: `${failed.join(", ")} did not report the pinned version` };
  return { state: "ok", source: stamp.source };
}

async function writeStamp(dir: string, engine: Engine, source: Stamp["source"]): Promise<void> {
  const files: Stamp["files"] = {};
  for (const name of engine.binaries) {
    const path = join(dir, name);
    const st = await stat(path);
    files[name] = { size: st.size, mtimeMs: st.mtimeMs, sha256: await sha256(path) };
  }
  const stamp: Stamp = { inputs: engine.inputs, source, files };
  await writeFile(join(dir, ".stamp.json"), `${JSON.stringify(stamp, null, 2)}\n`);
}

async function which(name: string): Promise<string | undefined> {
  for (const dir of (process.env.PATH ?? "").split(":")) {
    if (!dir || dir.startsWith(join(CACHE_DIR, "engines"))) continue;
    const candidate = join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Uses fitting binaries already on PATH (all of an engine's, or none). */
async function adoptFromPath(engine: Engine, staging: string): Promise<boolean> {
  const found: string[] = [];
  for (const name of engine.binaries) {
    const path = await which(name);
    if (!path || !(await engine.probe(path, name))) return false;
    found.push(path);
  }
  await mkdir(staging, { recursive: true });
  await Promise.all(engine.binaries.map((name, i) => symlink(found[i] as string, join(staging, name))));
  return true;
}

/** Brings one engine to a good state: keep, adopt from PATH, or (re)build. Returns what happened. */
export async function ensureEngine(
  engine: Engine,
  go: GoRunner,
  opts: { checkOnly: boolean },
): Promise<string> {
  const state = await inspect(engine);
  if (state.state === "ok") return `cached (${state.source})`;
  if (state.state === "damaged")
    log("setup", `${engine.name}: cache entry damaged (${state.reason}); rebuilding`);
  if (opts.checkOnly)
    throw new MissingEngine(engine.name, state.state === "damaged" ? state.reason : "not in the cache");
  const staging = `${engine.dir}.partial`;
  await rm(staging, { recursive: true, force: true });
  let source: Stamp["source"] = "built";
  if (engine.fromPath && (await adoptFromPath(engine, staging))) {
    source = "path";
  } else {
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging, { recursive: true });
    await go.ensureAvailable();
    await engine.build(staging, go);
  }
  await writeStamp(staging, engine, source);
  await rm(engine.dir, { recursive: true, force: true });
  await rename(staging, engine.dir);
  const after = await inspect(engine);
  if (after.state !== "ok")
    throw new Error(`${engine.name}: built, but the check failed: ${JSON.stringify(after)}`);
  return source === "path" ? "taken from PATH" : state.state === "damaged" ? "rebuilt" : "built";
}

export class MissingEngine extends Error {
  readonly engine: string;
  readonly why: string;

  constructor(engine: string, why: string) {
    super(`${engine}: ${why}`);
    this.engine = engine;
    this.why = why;
  }
}

/** Runs the go command with a persistent module and build cache, logging to a file, with a heartbeat. */
export class GoRunner {
  private checked = false;
  readonly logDir = join(CACHE_DIR, "logs");

  env(): Record<string, string> {
    return {
      ...(process.env as Record<string, string>),
      GOTOOLCHAIN: process.env.GOTOOLCHAIN ?? "local",
      GOFLAGS: "-mod=mod",
      CGO_ENABLED: "0",
    };
  }

  async ensureAvailable(): Promise<void> {
    if (this.checked) return;
    const out = await output("go", ["version"]);
    const m = /go(\d+)\.(\d+)/.exec(out);
    const [wantMajor, wantMinor] = versions.go.split(".").map(Number);
    if (
      !m ||
      Number(m[1]) < (wantMajor ?? 1) ||
      (Number(m[1]) === wantMajor && Number(m[2]) < (wantMinor ?? 0))
    ) {
      throw new MissingEngine(
        "go",
        `the engines are built from Go modules and need Go >= ${versions.go} (found: ${out.trim() || "no go on PATH"}). ` +
          "Install Go from your distribution or go.dev, or put prebuilt engines of the pinned versions on PATH.",
      );
    }
    this.checked = true;
  }

  /** `go <args>` in `cwd`; output goes to a log file, a heartbeat counts compiled packages. */
  async exec(
    what: string,
    cwd: string,
    args: string[],
    extraEnv: Record<string, string> = {},
  ): Promise<void> {
    await mkdir(this.logDir, { recursive: true });
    const logPath = join(this.logDir, `${what.replace(/[^a-z0-9.-]+/gi, "_")}.log`);
    const logFile = createWriteStream(logPath);
    let packages = 0;
    let tail: string[] = [];
    const stop = heartbeat("setup", what, () => `${packages} packages compiled`);
    try {
      const go = $({ cwd, env: { ...this.env(), ...extraEnv }, nothrow: true })`go ${args}`;
      const onData = (chunk: Buffer) => {
        logFile.write(chunk);
        const lines = chunk.toString().split("\n").filter(Boolean);
        packages += lines.filter((l) => !l.startsWith("go: ") && !l.startsWith("#")).length;
        tail = [...tail, ...lines].slice(-25);
      };
      go.stdout.on("data", onData);
      go.stderr.on("data", onData);
      const result = await go;
      if (!result.ok) {
        throw new Error(
          `go ${args.join(" ")} failed (exit ${result.exitCode}) in ${cwd}\n${tail.join("\n")}\nfull log: ${logPath}`,
        );
      }
    } finally {
      stop();
      logFile.end();
    }
  }

  async moduleDir(path: string, version: string): Promise<{ dir: string; goMod: string }> {
    // On failure go still prints the JSON, with an Error field.
    const { stdout } = await $({
      env: this.env(),
      nothrow: true,
    })`go mod download -json ${`${path}@${version}`}`;
    const info = JSON.parse(stdout || "{}") as { Dir?: string; GoMod?: string; Error?: string };
    if (!info.Dir || !info.GoMod) {
      throw new MissingEngine(
        path,
        `the Go module proxy did not serve ${path}@${version}: ${info.Error ?? "no answer"}. ` +
          "Check GOPROXY (go env GOPROXY) and network access to it.",
      );
    }
    return { dir: info.Dir, goMod: info.GoMod };
  }
}

const BUILD_DIR = join(CACHE_DIR, "build");

/** Copies a committed wrapper module into the cache's build folder (the clone stays clean). */
async function wrapperDir(name: string, files: string[]): Promise<string> {
  const dir = join(BUILD_DIR, name);
  await mkdir(dir, { recursive: true });
  for (const f of files) await copyFile(join(ROOT, "toolchain", name, f), join(dir, f));
  return dir;
}

const trim = ["-trimpath"];

const DYNAMIC_PROVIDER_SCRIPT = `#!/bin/sh
# Runs Pulumi dynamic providers with the program's own @pulumi/pulumi.
exec node "$(node -p "require.resolve('@pulumi/pulumi/cmd/dynamic-provider', { paths: [process.cwd()] })")" "$@"
`;

// The CLI, its Node.js language host and the dynamic-provider script share one folder: the CLI
// looks for its language hosts next to its own executable first.
const pulumi: Engine = {
  name: "pulumi",
  dir: engineDirs.pulumi,
  inputs: `pulumi ${versions.pulumi} ${sourceHash(join(ROOT, "toolchain/pulumi"))} ${sourceHash(LANGUAGE_HOST_SRC)}`,
  binaries: ["pulumi", "pulumi-language-nodejs", "pulumi-resource-pulumi-nodejs"],
  fromPath: true,
  probe: async (path, name) => {
    if (name === "pulumi") return (await output(path, ["version"])).includes(`v${versions.pulumi}`);
    if (name === "pulumi-language-nodejs")
      return (await output(path, ["--version"])).includes(versions.pulumi);
    return (await readFile(path, "utf8").catch(() => "")).includes("@pulumi/pulumi/cmd/dynamic-provider");
  },
  async build(out, go) {
    const cli = await wrapperDir("pulumi", ["go.mod", "go.sum", "tools.go"]);
    const ld = `-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v${versions.pulumi}`;
    await go.exec(`pulumi-${versions.pulumi}`, cli, [
      "build",
      "-v",
      ...trim,
      "-tags",
      "osusergo,grpcnotrace",
      "-ldflags",
      ld,
      "-o",
      join(out, "pulumi"),
      "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi",
    ]);
    const host = await wrapperDir("language-nodejs", ["go.mod", "go.sum", "main.go", "host.go"]);
    await go.exec(`pulumi-language-nodejs-${versions.pulumi}`, host, [
      "build",
      "-v",
      ...trim,
      "-ldflags",
      `-X main.version=${versions.pulumi}-baubau`,
      "-o",
      join(out, "pulumi-language-nodejs"),
      ".",
    ]);
    await writeFile(join(out, "pulumi-resource-pulumi-nodejs"), DYNAMIC_PROVIDER_SCRIPT);
    await chmod(join(out, "pulumi-resource-pulumi-nodejs"), 0o755);
  },
};

const kp = versions.kubernetesProvider;
const kubernetesProvider: Engine = {
  name: "pulumi-resource-kubernetes",
  dir: engineDirs.kubernetesProvider,
  inputs: `kubernetes-provider ${kp.version} ${kp.moduleVersion} ${sourceHash(join(ROOT, "toolchain/kubernetes-provider"))}`,
  binaries: ["pulumi-resource-kubernetes"],
  // The provider has no --version flag (and -trimpath keeps -ldflags out of its build info):
  // the schema it embeds carries the version it was built as.
  probe: async (path) =>
    (await readFile(path).catch(() => Buffer.alloc(0))).includes(`"version":"${kp.version}"`),
  async build(out, go) {
    const dir = await wrapperDir("kubernetes-provider", ["go.mod", "go.sum", "main.go"]);
    // Upstream generates these embeds at build time; they are not in the module zip.
    const mod = await go.moduleDir(kp.module, kp.moduleVersion);
    const cmdDir = join(mod.dir, "cmd/pulumi-resource-kubernetes");
    const schema = JSON.parse(await readFile(join(cmdDir, "schema.json"), "utf8"));
    schema.version = kp.version;
    await writeFile(join(dir, "schema-embed.json"), JSON.stringify(schema));
    const mapping = JSON.parse(await readFile(join(cmdDir, "terraform-mapping.json"), "utf8"));
    await writeFile(join(dir, "terraform-mapping-embed.json"), JSON.stringify(mapping));
    await go.exec(`pulumi-resource-kubernetes-${kp.version}`, dir, [
      "build",
      "-v",
      ...trim,
      "-ldflags",
      `-X github.com/pulumi/pulumi-kubernetes/provider/v4/pkg/version.Version=${kp.version}`,
      "-o",
      join(out, "pulumi-resource-kubernetes"),
      ".",
    ]);
  },
};

const k8sCommands = ["kube-apiserver", "kube-controller-manager", "kube-scheduler", "kubectl"];
const kubernetes: Engine = {
  name: "kubernetes",
  dir: engineDirs.kubernetes,
  inputs: `kubernetes ${versions.kubernetes}`,
  binaries: k8sCommands,
  fromPath: true,
  probe: (path, name) =>
    versionProbe(
      name === "kubectl" ? ["version", "--client"] : ["--version"],
      `v${versions.kubernetes}`,
    )(path),
  async build(out, go) {
    const v = versions.kubernetes;
    const minor = v.split(".")[1] as string;
    const dir = join(BUILD_DIR, `kubernetes-v${v}`);
    await mkdir(dir, { recursive: true });
    // k8s.io/kubernetes replaces its staging modules with local folders, which a dependent
    // module cannot see: map each to its published v0.<minor>.<patch> instead. The list comes
    // from kubernetes's own go.mod so it follows new staging modules.
    const mod = await go.moduleDir("k8s.io/kubernetes", `v${v}`);
    const { stdout } = await $({ env: go.env() })`go mod edit -json ${mod.goMod}`;
    const replaces =
      (JSON.parse(stdout) as { Replace?: { Old: { Path: string }; New: { Path: string } }[] }).Replace ?? [];
    const staging = replaces.filter((r) => r.New.Path.startsWith("./staging/")).map((r) => r.Old.Path);
    const published = `v0.${minor}.${v.split(".")[2]}`;
    const goVersion = /^go (\S+)$/m.exec(await readFile(mod.goMod, "utf8"))?.[1] ?? versions.go;
    await writeFile(
      join(dir, "go.mod"),
      [
        "module baubau.local/toolchain/kubernetes",
        "",
        `go ${goVersion}`,
        "",
        `require k8s.io/kubernetes v${v}`,
        "",
        "replace (",
        ...staging.map((p) => `\t${p} => ${p} ${published}`),
        ")",
        "",
      ].join("\n"),
    );
    await writeFile(
      join(dir, "tools.go"),
      `//go:build tools\n\npackage tools\n\nimport (\n${k8sCommands.map((c) => `\t_ "k8s.io/kubernetes/cmd/${c}"`).join("\n")}\n)\n`,
    );
    await go.exec(`kubernetes-${v}-tidy`, dir, ["mod", "tidy"]);
    const stamp = ["k8s.io/component-base/version", "k8s.io/client-go/pkg/version"].flatMap((p) => [
      `-X ${p}.gitVersion=v${v}`,
      `-X ${p}.gitMajor=1`,
      `-X ${p}.gitMinor=${minor}`,
    ]);
    for (const c of k8sCommands) {
      await go.exec(`kubernetes-${v}-${c}`, dir, [
        "build",
        "-v",
        ...trim,
        "-pgo=off",
        "-ldflags",
        stamp.join(" "),
        "-o",
        join(out, c),
        `k8s.io/kubernetes/cmd/${c}`,
      ]);
    }
  },
};

const etcd: Engine = {
  name: "etcd",
  dir: engineDirs.etcd,
  inputs: `etcd ${versions.etcd}`,
  binaries: ["etcd"],
  fromPath: true,
  probe: versionProbe(["--version"], `etcd Version: ${versions.etcd}`),
  async build(out, go) {
    const dir = join(BUILD_DIR, `etcd-v${versions.etcd}`);
    await mkdir(dir, { recursive: true });
    await writeFile(
      join(dir, "go.mod"),
      `module baubau.local/toolchain/etcd\n\ngo 1.26.0\n\nrequire go.etcd.io/etcd/server/v3 v${versions.etcd}\n`,
    );
    await writeFile(
      join(dir, "tools.go"),
      `//go:build tools\n\npackage tools\n\nimport _ "go.etcd.io/etcd/server/v3"\n`,
    );
    await go.exec(`etcd-${versions.etcd}-tidy`, dir, ["mod", "tidy"]);
    await go.exec(`etcd-${versions.etcd}`, dir, [
      "build",
      "-v",
      ...trim,
      "-o",
      join(out, "etcd"),
      "go.etcd.io/etcd/server/v3",
    ]);
  },
};

const kwok: Engine = {
  name: "kwok",
  dir: engineDirs.kwok,
  inputs: `kwok ${versions.kwok}`,
  binaries: ["kwok", "kwokctl"],
  fromPath: true,
  probe: versionProbe(["--version"], `v${versions.kwok}`),
  async build(out, go) {
    await go.exec(
      `kwok-${versions.kwok}`,
      CACHE_DIR,
      [
        "install",
        "-v",
        ...trim,
        ...["kwok", "kwokctl"].map((c) => `sigs.k8s.io/kwok/cmd/${c}@v${versions.kwok}`),
      ],
      { GOBIN: out },
    );
  },
};

/** In build order: what the first deployment needs first. */
export const ENGINES: Engine[] = [pulumi, kubernetesProvider, kwok, etcd, kubernetes];
