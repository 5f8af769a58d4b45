// Import direction between rooms, read from ARCHITECTURE.md's "Rooms" table so the documented rule and
// the checked one cannot drift: a file in room R may import R itself and the rooms named (in backticks)
// in R's "may import" cell; "everything" means no rule. Checked by
// tests/unit/static/import-direction.test.ts (`depcruise --config .dependency-cruiser.mjs <rooms>`).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const architecture = join(dirname(fileURLToPath(import.meta.url)), "ARCHITECTURE.md");

/** @returns {Map<string, string[] | "everything">} room → the other rooms it may import */
function roomsFromArchitecture(text) {
  const section = text.split(/^## Rooms$/m)[1]?.split(/^## /m)[0];
  if (!section) throw new Error(`${architecture}: no "## Rooms" section`);
  const rows = section.split("\n").filter((line) => line.startsWith("| `"));
  const rooms = new Map();
  for (const row of rows) {
    const cells = row.split(" | ");
    const folders = [...(cells[0] ?? "").matchAll(/`([a-z-]+)\/`/g)].map((m) => m[1]);
    const may = (cells.at(-1) ?? "").replace(/\|\s*$/, "").trim();
    let allowed;
    if (may === "everything") allowed = "everything";
    else if (may === "nothing of ours" || may === "—") allowed = [];
    else if (may.startsWith("`")) allowed = [...may.matchAll(/`([a-z-]+)\/`/g)].map((m) => m[1]);
    else
      throw new Error(
        `${architecture}: "may import" of ${cells[0]} is "${may}"; write \`room/\`, …, "nothing of ours" or "everything"`,
      );
    for (const folder of folders) rooms.set(folder, allowed);
  }
  if (rooms.size === 0) throw new Error(`${architecture}: the Rooms table has no rows`);
  return rooms;
}

const rooms = roomsFromArchitecture(readFileSync(architecture, "utf8"));
const all = [...rooms.keys()];

/** @type {import("dependency-cruiser").IConfiguration} */
export default {
  forbidden: [...rooms]
    .filter(([, allowed]) => allowed !== "everything")
    .map(([room, allowed]) => {
      const forbidden = all.filter((r) => r !== room && !allowed.includes(r));
      return {
        name: `${room}-may-import`,
        comment: `ARCHITECTURE.md: ${room}/ may import ${allowed.length ? allowed.map((r) => `${r}/`).join(", ") : "nothing of ours"}`,
        severity: "error",
        from: { path: `^${room}/` },
        to: { path: `^(${forbidden.join("|")})/` },
      };
    })
    .filter((rule) => rule.to.path !== "^()/")
    .concat({
      name: "processes-through-zx",
      comment:
        "ARCHITECTURE.md: scripts/, twin/ and toolchain/ run child processes only through toolchain/process.ts (zx)",
      severity: "error",
      from: { path: "^(scripts|twin|toolchain)/", pathNot: "^toolchain/process[.]ts$" },
      to: { path: "^(node:)?child_process$|^node_modules/zx/" },
    }),
  options: {
    // `import type` is an arrow too: a model type naming a Pulumi one would tie model/ to Pulumi.
    tsPreCompilationDeps: true,
    doNotFollow: { path: "node_modules" },
  },
};
