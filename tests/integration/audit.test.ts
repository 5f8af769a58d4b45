// scripts/audit end to end with the real engine against the twin: real previews of the stacks
// (a one-site change, …), reviews bound to saved plans, stale plans refused, the audit log of the
// real applies checked and tampered with. One throw-away stack and backend; steps run in order.
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDocument, type YAMLMap, type YAMLSeq } from "yaml";
import { logFile, readHistory, type StackFiles } from "../../audit/file-backend.ts";
import { renderReport } from "../../audit/render.ts";
import { readReview } from "../../audit/review.ts";
import { parseSavedPreview } from "../../audit/saved-preview.ts";
import { analyseCoverage } from "../../model/analyses/index.ts";
import { loadInventory } from "../../model/load/index.ts";
import type { Service } from "../../model/types.ts";
import { applyPlan, policyArgs } from "../../scripts/lib/audit-apply.ts";
import { PROJECT, pulumiCli } from "../../scripts/lib/pulumi-cli.ts";
import { ROOT, TWIN_DIR } from "../../toolchain/paths.ts";
import { fileWith, markOperational } from "./helpers/inventory-edits.ts";
import { createTestStack, type TestStack } from "./helpers/pulumi-stack.ts";
import { runScript } from "./helpers/run-script.ts";
import { widenedRbacProgram } from "./helpers/widened-program.ts";

const PLANTED = `planted-secret-${process.pid}-b5e1d7`;
/** A site one access link away from an operational PoP: marking both operational connects it. */
const NEW_SITE = "opd-diskop-ukm";
const NEW_LINK = "pop-batupoaro--opd-diskop-ukm";

/** Tenants whose services the test keeps running: enough for a removal, small enough to be quick. */
const KEPT_TENANTS = new Set(["diskominfo", "dukcapil"]);

/**
 * Keeps running only the services of KEPT_TENANTS and what they depend on (the others become
 * `planned`), at most 2 replicas each: a smaller stack previews faster on 2 cores.
 */
async function fewerServices(dir: string): Promise<void> {
  const loaded = await loadInventory(dir);
  if (!loaded.ok) throw new Error(`${dir} does not load: ${loaded.problems[0]?.message}`);
  const byId = new Map(loaded.inventory.services.map((s) => [s.id, s]));
  const keep = new Set<string>();
  const visit = (id: string) => {
    if (keep.has(id)) return;
    keep.add(id);
    for (const d of byId.get(id)?.workload?.dependsOn ?? []) visit(d);
  };
  for (const s of loaded.inventory.services) if (KEPT_TENANTS.has(s.tenant)) visit(s.id);
  const doc = parseDocument(await readFile(join(dir, "services.yaml"), "utf8"));
  for (const item of (doc.get("services") as YAMLSeq<YAMLMap>).items) {
    if (!keep.has(item.get("id") as string) && item.get("status") !== "retired")
      item.set("status", "planned");
    const workload = item.get("workload") as YAMLMap | undefined;
    if (workload && (workload.get("replicas") as number) > 2) workload.set("replicas", 2);
  }
  await writeFile(join(dir, "services.yaml"), doc.toString());
  const check = await loadInventory(dir);
  if (!check.ok) throw new Error(`the trimmed inventory does not load: ${check.problems[0]?.message}`);
}

/**
 * Takes out of the inventory in `dir` a tenant that runs a data-center service nobody depends on:
 * its record, its services, and its ownership of sites and links (they stay, unowned).
 */
async function removeTenant(dir: string): Promise<{ id: string; name: string }> {
  const loaded = await loadInventory(dir);
  if (!loaded.ok) throw new Error(`${dir} does not load: ${loaded.problems[0]?.message}`);
  const inv = loaded.inventory;
  const runs = (s: Service) => s.hosting === "datacenter" && (s.status === "pilot" || s.status === "online");
  const needed = new Set(inv.services.flatMap((s) => s.workload?.dependsOn ?? []));
  const tenant = inv.tenants.find((t) => {
    const own = inv.services.filter((s) => s.tenant === t.id);
    return own.some(runs) && own.every((s) => !needed.has(s.id));
  });
  if (!tenant) throw new Error("no tenant to remove");
  const edit = async (file: string, list: string, keep: (item: YAMLMap) => boolean, strip?: string) => {
    const doc = parseDocument(await readFile(join(dir, file), "utf8"));
    const seq = doc.get(list) as YAMLSeq<YAMLMap>;
    const kept = seq.items.filter(keep);
    const owned = strip ? kept.filter((item) => item.get(strip) === tenant.id) : [];
    if (kept.length === seq.items.length && owned.length === 0) return;
    seq.items = kept;
    for (const item of owned) item.delete(strip as string);
    await writeFile(join(dir, file), doc.toString());
  };
  await edit("tenants.yaml", "tenants", (i) => i.get("id") !== tenant.id);
  await edit("services.yaml", "services", (i) => i.get("tenant") !== tenant.id);
  for (const f of await readdir(join(dir, "sites")))
    await edit(join("sites", f), "sites", () => true, "tenant");
  for (const f of await readdir(join(dir, "links")))
    await edit(join("links", f), "links", () => true, "owner");
  const check = await loadInventory(dir);
  if (!check.ok) throw new Error(`the edited inventory does not load: ${check.problems[0]?.message}`);
  return { id: tenant.id, name: tenant.name };
}

describe("scripts/audit against the twin", () => {
  let t: TestStack;
  let work: string;
  let env: Record<string, string>;
  let files: StackFiles;
  const audit = (...args: string[]) => runScript("audit.ts", args, env);
  const review = (name: string) => join(work, name);
  const preview = (name: string) =>
    audit("preview", "--base-inventory", join(work, "before"), "--out", review(name));

  let kubeconfig: string;
  let removedTenant: string | undefined;
  const setKubeconfig = (comment: string) =>
    t.stack.setConfig("baubau:kubeconfig-dc-prod", { value: `${kubeconfig}\n# ${comment}\n`, secret: true });

  beforeAll(async () => {
    t = await createTestStack();
    work = await mkdtemp(join(tmpdir(), "baubau-audit-"));
    await cp(join(ROOT, "inventory"), join(work, "before"), { recursive: true });
    await fewerServices(join(work, "before"));
    await cp(join(work, "before"), join(work, "after"), { recursive: true });
    await t.stack.setConfig("baubau:inventoryDir", { value: join(work, "after") });
    // A kubeconfig secret makes the policy pack treat the stack as production; this one is the twin.
    await t.stack.setConfig("baubau:policyProfile", { value: "twin" });
    await t.stack.setConfig("baubau:awaitAddresses", { value: "false" });
    // The FiberSite/FiberLink objects are not what this test is about (the domain diff reads the
    // model, not the stack's resources), and a stack without them previews in half the time.
    await t.stack.setConfig("baubau:fiberNetwork", { value: "false" });
    // A secret in the config that flows into a resource input (the provider's kubeconfig).
    kubeconfig = await readFile(join(TWIN_DIR, "kubeconfigs", "dc-prod.yaml"), "utf8");
    await setKubeconfig(PLANTED);
    env = {
      ...t.env,
      BAUBAU_STACK: t.name,
      BAUBAU_STATE_DIR: join(work, "state"),
      BAUBAU_AUDIT_WHO: "auditor-it",
    };
    files = { backendDir: t.backendDir, project: PROJECT, stack: t.name };
  });

  afterAll(async () => {
    // BAUBAU_AUDIT_CAPTURE=dir keeps the saved previews (the unit tests' fixtures come from here).
    // scripts/audit-fixtures reads what each preview was about from capture.json.
    const capture = process.env.BAUBAU_AUDIT_CAPTURE;
    if (capture && work) {
      const about = { stack: t.name, prefix: t.prefix, site: NEW_SITE, removedTenant, planted: PLANTED };
      await writeFile(join(work, "capture.json"), `${JSON.stringify(about, null, 2)}\n`);
      await cp(work, capture, {
        recursive: true,
        filter: (f) => !f.includes("/state") && !f.endsWith("plan.json"),
      });
    }
    await t?.dispose();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it("a first review applies, and its update is the log's first entry", async () => {
    const r = await preview("r1");
    expect(r.code, r.output).toBe(0);
    expect(r.output).toContain("✅ **Ready to apply");
    const applied = await audit("apply", review("r1"));
    expect(applied.code, applied.output).toBe(0);
    expect(applied.output).toMatch(/audit log entry #1 /);
    const verified = await audit("verify");
    expect(verified.output).toMatch(/1 entries, chain intact/);
  });

  it("a one-site change reads as the city reads it, renders the same bytes again, and shows no secret", async () => {
    // One site and its access link made operational: the site comes on fiber.
    for (const id of [NEW_SITE, NEW_LINK]) {
      const file = await fileWith(join(work, "after"), id);
      await writeFile(file, markOperational(await readFile(file, "utf8"), id));
    }

    const r = await preview("r2");
    expect(r.code, r.output).toBe(0);
    const md = await readFile(join(review("r2"), "report.md"), "utf8");
    expect(md).toMatch(
      new RegExp(
        `- Site \\*\\*[^*]+\\*\\* \\(\`${NEW_SITE}\`, opd, batupoaro\\) gains fiber: planned fiber, not-operational → operational fiber, covered`,
      ),
    );
    // The figures come from the model's own coverage analysis of each side.
    const covered = async (dir: string) => {
      const loaded = await loadInventory(dir);
      if (!loaded.ok) throw new Error(`${dir} does not load`);
      const target = analyseCoverage(loaded.inventory).targets.find((x) => x.targetId === "fiber-phase-1");
      const all = target?.all as { covered: number; inScope: number; ratio: number };
      return `${all.covered}/${all.inScope} (${(Math.round(all.ratio * 1000) / 10).toFixed(1)}%)`;
    };
    const [was, now] = [await covered(join(work, "before")), await covered(join(work, "after"))];
    expect(was).not.toBe(now);
    expect(md).toContain(`- Coverage \`fiber-phase-1\` (target 70.0%): ${was} → ${now}`);
    expect(md).toContain(`Plan \`sha256:${readReview(review("r2")).planHash}\``);

    const again = await audit("report", review("r2"));
    expect(again.output).toBe(md);
    const html = await audit("report", review("r2"), "--format", "html");
    expect(html.output).toBe(await readFile(join(review("r2"), "report.html"), "utf8"));

    for (const name of await readdir(review("r2"))) {
      const content = await readFile(join(review("r2"), name), "utf8");
      expect(content, name).not.toContain(PLANTED);
    }
  });

  it("an RBAC widening in the program reads as RBAC widened, the secrets grant marked, ranked high", async () => {
    const program = await widenedRbacProgram();
    const pr = program.dir;
    const p = await pulumiCli(env, pr);
    const events = join(pr, "events.jsonl");
    // With the policy pack, as scripts/audit previews: the stack-wide RBAC rule runs in the preview.
    const run = await p.run([
      "preview",
      "--json",
      "--event-log",
      events,
      "--stack",
      t.name,
      ...policyArgs({ packs: ["policy"], configs: [] }),
    ]);
    const eventsText = await readFile(events, "utf8");
    await mkdir(join(work, "rbac"), { recursive: true });
    await writeFile(join(work, "rbac", "preview.json"), run.stdout);
    await writeFile(join(work, "rbac", "events.jsonl"), eventsText);
    await program.dispose();
    // A mandatory stack rule fails the preview, before anything could change.
    expect(run.code, run.stderr).not.toBe(0);
    const saved = parseSavedPreview(run.stdout, eventsText);
    const binding = `${t.prefix}diskominfo/tenant-operator`;
    expect(saved.violations).toContainEqual(
      expect.objectContaining({
        policy: "k8s-rbac-tenant-least-privilege",
        level: "mandatory",
        message: expect.stringContaining(
          `RoleBinding ${binding} grants tenant group opd:diskominfo secrets (get) through Role tenant-operator`,
        ),
      }),
    );
    const { markdown } = renderReport({ stack: t.name, preview: saved });
    expect(markdown).toContain("⛔ **Blocked");
    const role = `${t.prefix}diskominfo/tenant-operator`;
    expect(markdown).toContain(
      `**RBAC widened:** Role \`${role}\` (dc-prod); grants added: \`core/secrets:get\` **(sensitive)**`,
    );
    const rows = markdown.split("\n").filter((l) => /^\| (\*\*critical\*\*|high|medium|low) \|/.test(l));
    // The inventory still holds the one-site change of the test before, so other high-risk rows (the
    // monitoring layer's Prometheus config is replaced) may rank beside the Role: it ranks high, above
    // every medium and low row.
    const roleRow = rows.findIndex((l) =>
      /^\| high \| update \| Role \| `[^`]+\/tenant-(operator|auditor)` \|/.test(l),
    );
    expect(roleRow, rows.join("\n")).toBeGreaterThanOrEqual(0);
    const lower = rows.findIndex((l) => /^\| (medium|low) \|/.test(l));
    expect(lower === -1 || roleRow < lower, rows.join("\n")).toBe(true);
  });

  it("a plan made stale by a later update is refused, and nothing changes", async () => {
    // r2 and r4 both preview the one-site change; r4 is applied first, which makes r2 stale.
    expect((await preview("r4")).code).toBe(0);
    const applied = await audit("apply", review("r4"));
    expect(applied.code, applied.output).toBe(0);
    const before = readHistory(files).length;
    const stale = await audit("apply", review("r2"));
    expect(stale.code).toBe(1);
    expect(stale.output).toMatch(/refused: the state of stack it-\w+ changed since the review/);
    expect(readHistory(files)).toHaveLength(before);
  });

  it("the engine refuses a plan the program no longer matches, naming the property, not its value", async () => {
    expect((await preview("r5")).code).toBe(0);
    const before = readHistory(files).length;
    await setKubeconfig(`${PLANTED} rotated`);
    const p = await pulumiCli(env);
    const result = await applyPlan(p, files, review("r5"), readReview(review("r5")));
    expect(result.ok).toBe(false);
    const message = result.ok ? "" : result.message;
    expect(message).toMatch(
      /the plan no longer matches the program or the stack's state:\n\s+dc-prod-provider: properties kubeconfig differ from the plan/,
    );
    expect(message).toContain("Nothing was changed");
    expect(message).not.toContain(PLANTED);
    expect(readHistory(files)).toHaveLength(before);
    await setKubeconfig(PLANTED);
  });

  it("a tenant removal names the tenant and its namespace, and the namespace's deletion ranks first", async () => {
    const gone = await removeTenant(join(work, "after"));
    removedTenant = gone.id;
    const r = await preview("r6");
    expect(r.code, r.output).toBe(0);
    const md = await readFile(join(review("r6"), "report.md"), "utf8");
    const ns = `${t.prefix}${gone.id}`;
    expect(md).toContain(
      `- **Tenant removed:** ${gone.name} (\`${gone.id}\`); namespaces deleted: \`${ns}\``,
    );
    const rows = md.split("\n").filter((l) => /^\| (\*\*critical\*\*|high|medium|low) \|/.test(l));
    expect(rows[0]).toContain(`| **critical** | delete | Namespace | \`${ns}\` |`);
    expect(rows.filter((l) => l.includes(`\`${ns}/`)).every((l) => l.includes("| delete |"))).toBe(true);
  });

  it("the real log: intact, then each kind of tampering found", async () => {
    const log = logFile(files);
    const honest = await readFile(log, "utf8");
    expect((await audit("verify")).code).toBe(0);
    const lines = honest.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    const cases: [string, string, RegExp][] = [
      [
        "edited",
        `${lines[0]?.replace('"who":"auditor-it"', '"who":"someone"')}\n${lines[1]}\n`,
        /:1: edited: entry #1/,
      ],
      ["deleted", `${lines[1]}\n`, /deleted: entry #1 was deleted/],
      ["reordered", `${lines[1]}\n${lines[0]}\n`, /:2: reordered: entry #1 \(line 2\) comes after entry #2/],
      ["inserted", `${lines[0]}\n${lines[1]}\n${lines[1]}\n`, /inserted: /],
    ];
    for (const [kind, text, expected] of cases) {
      await writeFile(log, text);
      const r = await audit("verify");
      expect(r.code, kind).toBe(1);
      expect(r.output, kind).toMatch(expected);
    }
    await writeFile(log, honest);
    // The state an entry pins, changed in the stack's history.
    const pinned = JSON.parse(lines[1] as string).state.update as string;
    const checkpoint = join(t.backendDir, ".pulumi", "history", PROJECT, t.name, `${pinned}.checkpoint.json`);
    const original = await readFile(checkpoint, "utf8");
    await writeFile(checkpoint, original.replace('"resources"', '"resources" '));
    const r = await audit("verify");
    expect(r.code).toBe(1);
    expect(r.output).toMatch(
      /state-mismatch: entry #2 \(line 2\): the checkpoint of update .* no longer matches/,
    );
    await writeFile(checkpoint, original);
    expect((await audit("verify")).code).toBe(0);
  });
});
