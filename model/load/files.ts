// Which inventory file plays which role, decided by its path so that tests and the benchmark can
// pass files from memory under any prefix ("inventory/sites/wolio.yaml" or "sites/wolio.yaml").

export type FileRole = "city" | "tenants" | "targets" | "sites" | "links" | "datacenter" | "services";

/** services.yaml is optional: an inventory of the network alone (an OFDS import, a test) has no catalog. */
export const REQUIRED_FILES: Readonly<Record<Exclude<FileRole, "sites" | "links" | "services">, string>> = {
  city: "city.yaml",
  tenants: "tenants.yaml",
  targets: "targets.yaml",
  datacenter: "datacenter.yaml",
};

/** Whether the loader reads a file of this name (by its extension). */
export function isInventoryFile(path: string): boolean {
  return /\.ya?ml$/.test(path);
}

export function roleOf(path: string): FileRole | undefined {
  const p = path.replaceAll("\\", "/");
  if (!isInventoryFile(p)) return undefined;
  const parts = p.split("/");
  const name = parts[parts.length - 1] ?? "";
  const parent = parts[parts.length - 2];
  if (parent === "sites") return "sites";
  if (parent === "links" || /^links\.ya?ml$/.test(name)) return "links";
  const base = name.replace(/\.ya?ml$/, "");
  if (
    base === "city" ||
    base === "tenants" ||
    base === "targets" ||
    base === "datacenter" ||
    base === "services"
  )
    return base;
  return undefined;
}

const baseNames = new Map<string, string>();

/** The file's name without directory and extension: sites/wolio.yaml -> wolio. Cached: it is asked
 * once per record, and records of one file share the same path string. */
export function baseName(path: string): string {
  let name = baseNames.get(path);
  if (name === undefined) {
    const parts = path.replaceAll("\\", "/").split("/");
    name = (parts[parts.length - 1] ?? "").replace(/\.ya?ml$/, "");
    if (baseNames.size > 10_000) baseNames.clear();
    baseNames.set(path, name);
  }
  return name;
}

const ROLE_FILES = ["city", "tenants", "targets", "datacenter", "links", "services"];
/** The folders whose every file is inventory. */
export const ROLE_DIRS: readonly string[] = ["sites", "links"];

/** For a YAML file no role claims: the file or folder it was probably meant to be, if any. A file
 * that is merely unknown (a README, a scratch file) is left alone. */
export function nearMissOf(
  path: string,
  near: (word: string, candidates: string[]) => string | undefined,
): string | undefined {
  const parts = path.replaceAll("\\", "/").split("/");
  const name = (parts[parts.length - 1] ?? "").replace(/\.ya?ml$/, "");
  const parent = parts[parts.length - 2];
  if (parent !== undefined) {
    const dir = near(parent, [...ROLE_DIRS]);
    if (dir !== undefined) return `${dir}/${name}.yaml`;
  }
  const file = near(name, ROLE_FILES);
  return file === undefined ? undefined : `${file}.yaml`;
}
