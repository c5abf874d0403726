/**
 * The /api/v1 contract is generated from the use-case descriptors; these check that
 * the route files serve exactly the registered operations, one statement each, and
 * that the document is valid OpenAPI 3.1 with a typed answer for every operation.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/adapters/openapi";
import { OPERATIONS } from "@/lib/adapters/operations";

const API_DIR = path.resolve(import.meta.dirname, "../../app/api/v1");

/** Every route file under app/api/v1, by OpenAPI path ("[team]" -> "{team}"). */
function routeFiles(dir: string, prefix = ""): { path: string; file: string }[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return routeFiles(full, `${prefix}/${entry.replace(/^\[(\w+)\]$/, "{$1}")}`);
    return entry === "route.ts" ? [{ path: prefix, file: full }] : [];
  });
}

const operationRoutes = routeFiles(API_DIR).filter((route) => route.path !== "/openapi.json" && !route.path.includes("[..."));

describe("[api] route files and descriptors", () => {
  it("each route file is one statement handing its use-cases to apiRoute", () => {
    for (const { file } of operationRoutes) {
      const statements = readFileSync(file, "utf8")
        .split("\n")
        .filter((line) => line.trim() !== "" && !line.startsWith("import "));
      expect(statements, file).toHaveLength(1);
      expect(statements[0], file).toMatch(/^export const \{ GET, POST, PUT, PATCH, DELETE, OPTIONS \} = apiRoute\([\w, ]+\);$/);
    }
  });

  it("the route files serve exactly the registered operations, at their paths", () => {
    const served = operationRoutes.flatMap(({ path: routePath, file }) => {
      const names = readFileSync(file, "utf8")
        .match(/apiRoute\(([\w, ]+)\)/)![1]!
        .split(/,\s*/);
      return names.map((name) => `${routePath} ${name}`);
    });
    const registered = OPERATIONS.map((operation) => `${operation.route.path} ${operation.name}`);
    expect(served.sort()).toEqual(registered.sort());
  });

  it("no two operations share a method and path, or a name", () => {
    expect(new Set(OPERATIONS.map((o) => `${o.route.method} ${o.route.path}`)).size).toBe(OPERATIONS.length);
    expect(new Set(OPERATIONS.map((o) => o.name)).size).toBe(OPERATIONS.length);
  });
});

describe("[api] OpenAPI document", () => {
  it("is valid OpenAPI 3.1", async () => {
    const result = await new Validator().validate(structuredClone(openApiDocument()));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("gives every operation a typed success response", () => {
    for (const [route, methods] of Object.entries(openApiDocument().paths)) {
      for (const [method, operation] of Object.entries(methods as Record<string, { responses: Record<string, unknown> }>)) {
        const successes = Object.entries(operation.responses).filter(([status]) => status.startsWith("2"));
        expect(successes.length, `${method} ${route}`).toBeGreaterThan(0);
        for (const [, response] of successes) {
          const content = (response as { content: Record<string, { schema: Record<string, unknown> }> }).content;
          for (const [type, { schema }] of Object.entries(content)) {
            expect(Object.keys(schema).length, `${method} ${route} ${type}`).toBeGreaterThan(0);
            if (type === "application/json") expect(schema.type ?? schema.anyOf ?? schema.oneOf, `${method} ${route}`).toBeDefined();
          }
        }
      }
    }
  });

  it("references only responses it defines, one per error code", () => {
    const doc = openApiDocument();
    const refs = JSON.stringify(doc.paths).match(/#\/components\/responses\/\w+/g) ?? [];
    for (const ref of new Set(refs)) expect(Object.keys(doc.components.responses)).toContain(ref.split("/").pop());
  });
});
