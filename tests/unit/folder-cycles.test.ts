/**
 * lib/ is one folder per concern; those folders must not import each other in a
 * circle (a cycle means two concerns are one, or a helper is in the wrong place).
 * Files directly in lib/ (env.ts, db.ts, errors.ts, ...) are shared foundations.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const LIB = path.resolve(import.meta.dirname, "../../lib");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return entry === "generated" ? [] : files(full);
    return /\.tsx?$/.test(entry) ? [full] : [];
  });
}

/** folder -> folders it imports (type-only imports count: they are a dependency too). */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of files(LIB)) {
    const from = path.relative(LIB, file).split(path.sep);
    if (from.length < 2) continue;
    const source = readFileSync(file, "utf8");
    for (const match of source.matchAll(/from "(@\/lib\/[^"]+|\.\.\/[^"]+)"/g)) {
      const target = match[1]!.startsWith("@/lib/")
        ? match[1]!.slice("@/lib/".length).split("/")
        : path.relative(LIB, path.resolve(path.dirname(file), match[1]!)).split(path.sep);
      if (target.length < 2 || target[0] === from[0] || target[0] === "generated") continue;
      (graph.get(from[0]!) ?? graph.set(from[0]!, new Set()).get(from[0]!)!).add(target[0]!);
    }
  }
  return graph;
}

function findCycle(graph: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === "done") return null;
    if (state.get(node) === "visiting") return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, "visiting");
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, "done");
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

describe("[layout] lib/ folders", () => {
  it("import each other without cycles", () => {
    expect(findCycle(folderGraph())).toBeNull();
  });

  it("the cycle finder finds a cycle when there is one", () => {
    const graph = new Map([
      ["a", new Set(["b"])],
      ["b", new Set(["c"])],
      ["c", new Set(["a"])],
    ]);
    expect(findCycle(graph)).toEqual(["a", "b", "c", "a"]);
  });
});
