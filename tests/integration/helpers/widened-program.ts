// A pull request that lets every Role of the stack read secrets: the real program with one transform
// registered before it runs, in a throw-away project folder (links to the real stacks/ and packages).
import { mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../../../toolchain/paths.ts";

const WIDEN_RBAC = `import * as pulumi from "@pulumi/pulumi";
pulumi.runtime.registerResourceTransform(async (args) => {
  if (args.type !== "kubernetes:rbac.authorization.k8s.io/v1:Role") return undefined;
  const rules = [...(args.props.rules ?? []), { apiGroups: [""], resources: ["secrets"], verbs: ["get"] }];
  return { props: { ...args.props, rules }, opts: args.opts };
});
await import("./stacks/index.ts");
`;

export interface WidenedProgram {
  /** The project folder to run `pulumi` in. */
  dir: string;
  dispose(): Promise<void>;
}

export async function widenedRbacProgram(): Promise<WidenedProgram> {
  const dir = await mkdtemp(join(tmpdir(), "baubau-pr-"));
  const project = await readFile(join(ROOT, "Pulumi.yaml"), "utf8");
  await writeFile(join(dir, "Pulumi.yaml"), project.replace(/^main: .*$/m, "main: widen-rbac.ts"));
  for (const name of ["stacks", "node_modules", "package.json"])
    await symlink(join(ROOT, name), join(dir, name));
  await writeFile(join(dir, "widen-rbac.ts"), WIDEN_RBAC);
  // The links only; what they point at stays.
  return { dir, dispose: () => rm(dir, { recursive: true, force: true }) };
}
