import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";

/** Every route handler under app/api/v1, as an OpenAPI path ("[team]" -> "{team}"). */
function routePaths(dir: string, prefix = ""): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return routePaths(full, `${prefix}/${entry.replace(/^\[(\w+)\]$/, "{$1}")}`);
    return entry === "route.ts" ? [prefix] : [];
  });
}

describe("[api] OpenAPI document", () => {
  it("describes every /api/v1 route, and nothing that does not exist", () => {
    const routes = routePaths(path.resolve(import.meta.dirname, "../../app/api/v1"))
      .filter((route) => route !== "/openapi.json" && !route.includes("[..."))
      .sort();
    expect(Object.keys(openApiDocument.paths).sort()).toEqual(routes);
  });

  it("references only responses it defines", () => {
    const refs = JSON.stringify(openApiDocument.paths).match(/#\/components\/responses\/\w+/g) ?? [];
    for (const ref of new Set(refs)) {
      expect(Object.keys(openApiDocument.components.responses)).toContain(ref.split("/").pop());
    }
  });
});
