// Stack benchmark, side by side on the same twin in one run: `pulumi up` of the whole data-center
// stack from empty and a no-op `pulumi preview`, against `kubectl apply --server-side` of the same
// rendered manifests (stacks/manifests.ts), alone and followed by the wait for every Deployment to be
// Available (what `pulumi up` also waits for). The engine runs with the toolkit's settings
// (toolchain/pulumi-engine.ts), as `npm start` runs it. Besides wall time it records CPU seconds: of
// the engine side (the CLI, the program, the provider; kubectl for the baseline) and of the twin's
// processes, which a loaded machine does not inflate. Writes bench/results/stack.json.
//
//   node --import tsx bench/stack.ts [--runs N] [--out FILE]
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { LocalWorkspace } from "@pulumi/pulumi/automation/index.js";
import { stringify } from "yaml";
import { formatProblems, loadInventory } from "../model/load/index.ts";
import { LAYERS, layersOf, renderDataCenter } from "../stacks/manifests.ts";
import { loadMonitoringInputs } from "../stacks/monitoring-inputs.ts";
import { planDataCenter } from "../stacks/plan.ts";
import { engineDirs, engineEnv, PULUMI_HOME, ROOT, TWIN_DIR } from "../toolchain/paths.ts";
import { PULUMI_PARALLEL } from "../toolchain/pulumi-engine.ts";
import { kubectl, down as twinDown, up as twinUp } from "../twin/kwok.ts";
import { planTwin } from "../twin/plan.ts";
import { childrenCpuSeconds, processesCpuSeconds } from "./cpu.ts";
import { loadAverage, machine } from "./machine.ts";

const { values } = parseArgs({
  options: { runs: { type: "string", default: "1" }, out: { type: "string" }, help: { type: "boolean" } },
});
if (values.help) {
  process.stdout.write(
    "usage: node --import tsx bench/stack.ts [--runs N] [--out bench/results/stack.json]\n",
  );
  process.exit(0);
}
const runs = Number(values.runs);
const out = resolve(values.out ?? join(ROOT, "bench/results/stack.json"));
const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);
const round2 = (x: number) => Math.round(x * 100) / 100;
const twinCpu = () => processesCpuSeconds(join(TWIN_DIR, "kwok", "clusters"));

interface Phase {
  /** Wall seconds. */
  s: number;
  /** CPU seconds of the engine side (the CLI, the program and the provider; or kubectl). */
  cpu: number;
  /** CPU seconds of the twin's API servers, etcd and controllers meanwhile. */
  twinCpu: number;
}

async function phase(f: () => Promise<unknown>): Promise<Phase> {
  const [t, c, k] = [performance.now(), childrenCpuSeconds(), twinCpu()];
  await f();
  return {
    s: round2((performance.now() - t) / 1000),
    cpu: round2(childrenCpuSeconds() - c),
    twinCpu: round2(twinCpu() - k),
  };
}

const loadBefore = loadAverage();
const loaded = await loadInventory(join(ROOT, "inventory"));
if (!loaded.ok) throw new Error(formatProblems(loaded.problems));
const inventory = loaded.inventory;
const plan = planDataCenter(inventory);
const twin = await twinUp(planTwin(inventory.datacenter), (m) => log(`twin: ${m}`));
log(`twin: ${twin.map((c) => `${c.cluster} ${c.action}`).join(", ")}`);

const PREFIX = "bench-";
const rendered = renderDataCenter(inventory, plan, {
  namespacePrefix: PREFIX,
  servicesViaOperator: false,
  fiberNetwork: true,
  // As the stack's default (baubau:monitoringLayer true).
  monitoring: await loadMonitoringInputs(inventory, join(ROOT, "inventory")),
});
const objects = rendered.reduce((n, c) => n + LAYERS.reduce((m, l) => m + layersOf(c)[l].length, 0), 0);
const dir = await mkdtemp(join(tmpdir(), "baubau-bench-"));

async function kubectlApply(): Promise<{ apply: Phase; applyAndWait: Phase }> {
  const files = await Promise.all(
    rendered.map(async (c) => {
      const cluster = c.plan.id;
      const layers = layersOf(c);
      const first = join(dir, `${cluster}-baseline.yaml`);
      const rest = join(dir, `${cluster}-rest.yaml`);
      await writeFile(first, layers.baseline.map((m) => stringify(m)).join("---\n"));
      await writeFile(
        rest,
        LAYERS.filter((l) => l !== "baseline")
          .flatMap((l) => layers[l])
          .map((m) => stringify(m))
          .join("---\n"),
      );
      return { cluster, first, rest };
    }),
  );
  let apply: Phase | undefined;
  const applyAndWait = await phase(async () => {
    apply = await phase(() =>
      // Both clusters at once, as the engine does; CRDs must be established before their objects.
      Promise.all(
        files.map(async (f) => {
          await kubectl(f.cluster, ["apply", "--server-side", "--field-manager", "bench", "-f", f.first]);
          await kubectl(f.cluster, ["wait", "--for=condition=Established", "crd", "--all", "--timeout=120s"]);
          await kubectl(
            f.cluster,
            ["apply", "--server-side", "--field-manager", "bench", "-f", f.rest],
            600_000,
          );
        }),
      ),
    );
    // Every cluster with Deployments: the services on dc-prod, the monitoring layer on dc-mgmt.
    await Promise.all(
      rendered
        .filter((c) => LAYERS.some((l) => layersOf(c)[l].some((m) => m.kind === "Deployment")))
        .map((c) =>
          kubectl(
            c.plan.id,
            ["wait", "--for=condition=Available", "deployment", "--all", "-A", "--timeout=600s"],
            620_000,
          ),
        ),
    );
  });
  await Promise.all(
    files.map(async (f) => {
      await kubectl(f.cluster, ["delete", "--wait=true", "-f", f.rest], 600_000);
      await kubectl(f.cluster, ["delete", "--wait=true", "-f", f.first], 600_000);
    }),
  );
  return { apply: apply as Phase, applyAndWait };
}

async function pulumiRun(): Promise<{ up: Phase; noopPreview: Phase; destroy: Phase; resources: number }> {
  const id = randomBytes(3).toString("hex");
  const backend = await mkdtemp(join(tmpdir(), "baubau-bench-state-"));
  const env = engineEnv({ PULUMI_BACKEND_URL: `file://${backend}`, PULUMI_CONFIG_PASSPHRASE: `bench-${id}` });
  process.env.PATH = `${engineDirs.pulumi}:${process.env.PATH}`;
  const stack = await LocalWorkspace.createOrSelectStack(
    { stackName: `it-bench-${id}`, workDir: ROOT },
    { envVars: env, pulumiHome: env.PULUMI_HOME ?? PULUMI_HOME },
  );
  try {
    await stack.setConfig("baubau:namespacePrefix", { value: PREFIX });
    let resources = 0;
    const parallel = PULUMI_PARALLEL;
    const up = await phase(async () => {
      const r = await stack.up({ parallel });
      resources = Object.values(r.summary.resourceChanges ?? {}).reduce((a, b) => a + (b ?? 0), 0);
    });
    const noopPreview = await phase(() => stack.preview({ expectNoChanges: true, parallel }));
    const destroy = await phase(() => stack.destroy({ parallel }));
    return { up, noopPreview, destroy, resources };
  } finally {
    await stack.destroy().catch(() => undefined);
    await stack.workspace.removeStack(stack.name, { force: true }).catch(() => undefined);
    await rm(backend, { recursive: true, force: true });
  }
}

const samples: {
  kubectl: Awaited<ReturnType<typeof kubectlApply>>;
  pulumi: Awaited<ReturnType<typeof pulumiRun>>;
}[] = [];
for (let i = 0; i < runs; i++) {
  // Alternate the order so neither side always runs on a warmer API server.
  const kFirst = i % 2 === 0;
  log(`run ${i + 1}/${runs}: ${kFirst ? "kubectl, then pulumi" : "pulumi, then kubectl"}`);
  const a = kFirst ? await kubectlApply() : undefined;
  const p = await pulumiRun();
  const k = a ?? (await kubectlApply());
  log(
    `  kubectl apply ${k.apply.s} s (+ Available ${k.applyAndWait.s} s), pulumi up ${p.up.s} s (${p.up.cpu} CPU-s), no-op preview ${p.noopPreview.s} s (${p.noopPreview.cpu} CPU-s)`,
  );
  samples.push({ kubectl: k, pulumi: p });
}
await rm(dir, { recursive: true, force: true });

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const m = (f: (x: (typeof samples)[number]) => number) => round2(median(samples.map(f)));
const up = m((x) => x.pulumi.up.s);
const apply = m((x) => x.kubectl.apply.s);
const applyAndWait = m((x) => x.kubectl.applyAndWait.s);
const noop = m((x) => x.pulumi.noopPreview.s);
const upCpu = m((x) => x.pulumi.up.cpu + x.pulumi.up.twinCpu);
const applyCpu = m((x) => x.kubectl.applyAndWait.cpu + x.kubectl.applyAndWait.twinCpu);
const result = {
  benchmark: "stack",
  command: "node --import tsx bench/stack.ts",
  measuredAt: new Date().toISOString(),
  machine: machine(loadBefore),
  engine: { parallel: PULUMI_PARALLEL, skipCheckpoints: engineEnv().PULUMI_SKIP_CHECKPOINTS === "true" },
  kubernetesObjects: objects,
  pulumiResources: samples[0]?.pulumi.resources,
  runs: samples,
  medians: {
    pulumiUp: up,
    noopPreview: noop,
    kubectlApply: apply,
    kubectlApplyAndAvailable: applyAndWait,
    pulumiUpCpuWithTwin: upCpu,
    kubectlApplyAndAvailableCpuWithTwin: applyCpu,
  },
  ratios: {
    upVsApply: round2(up / apply),
    upVsApplyAndAvailable: round2(up / applyAndWait),
    upCpuVsApplyCpu: round2(upCpu / applyCpu),
  },
  goals: { upWithin2xOfApply: up / applyAndWait <= 2, noopPreviewUnder15s: noop < 15 },
};
await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
log(
  `wrote ${out}: up/(apply+Available) ${result.ratios.upVsApplyAndAvailable}x (CPU ${result.ratios.upCpuVsApplyCpu}x), no-op preview ${noop} s`,
);
// A twin the benchmark created goes again; one that existed stays up for whoever made it.
if (twin.every((c) => c.action === "created")) await twinDown((m) => log(`twin: ${m}`));
else log("twin: left running, as it existed before (scripts/twin down stops it)");
