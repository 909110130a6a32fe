import path from "node:path";

/** madge ships without types: the part of its API used here. */
type Madge = (paths: string[], config: object) => Promise<{ obj(): Record<string, string[]>; circular(): string[][] }>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const madge = require("madge") as Madge;

/**
 * The layout has no import cycles: none between files, and none between the
 * folders of src/ (auth is the domain below http; http composes graphql,
 * auth and observability; graphql never reaches back into http). A new
 * cycle fails here with its path, before it can grow. Type-only imports
 * count: they couple the modules all the same.
 */
const root = path.join(__dirname, "..");

/** The folder of src/ a file belongs to ("src/auth"), or null outside src/. */
const folderOf = (file: string) => (file.startsWith("src/") ? file.split("/").slice(0, 2).join("/") : null);

/** Every cycle of a small directed graph (the folders), each as its path, starting from its smallest node. */
function cycles(graph: Record<string, string[]>): string[][] {
  const found: string[][] = [];
  const nodes = Object.keys(graph).sort();
  for (const start of nodes) {
    const walk = (node: string, trail: string[]) => {
      for (const next of graph[node] ?? []) {
        if (next === start) found.push([...trail, start]);
        else if (next > start && !trail.includes(next)) walk(next, [...trail, next]);
      }
    };
    walk(start, [start]);
  }
  return found;
}

describe("the import graph", () => {
  let files: Record<string, string[]>;
  let fileCycles: string[][];

  beforeAll(async () => {
    const result = await madge(
      ["src", "bench", "test"].map((dir) => path.join(root, dir)),
      {
        baseDir: root,
        fileExtensions: ["ts"],
        tsConfig: path.join(root, "tsconfig.json"),
        detectiveOptions: { ts: { skipTypeImports: false } },
      },
    );
    files = result.obj();
    fileCycles = result.circular();
  }, 60_000);

  test("reads the whole project", () => {
    expect(Object.keys(files)).toEqual(expect.arrayContaining(["src/http/app.ts", "src/graphql/preset.ts", "src/auth/tokens.ts"]));
    expect(files["src/http/app.ts"]).toContain("src/graphql/preset.ts");
  });

  test("has no cycle between files", () => {
    expect(fileCycles.map((cycle) => cycle.join(" > "))).toEqual([]);
  });

  test("has no cycle between the folders of src/", () => {
    const folders: Record<string, string[]> = {};
    for (const [file, imports] of Object.entries(files)) {
      const from = folderOf(file);
      if (!from) continue;
      const targets = new Set(folders[from] ?? []);
      for (const imported of imports) {
        const to = folderOf(imported);
        if (to && to !== from) targets.add(to);
      }
      folders[from] = [...targets].sort();
    }
    expect(cycles(folders).map((cycle) => cycle.join(" > "))).toEqual([]);
  });
});
