/**
 * `npm run build:cli`: regenerates the API types (scripts/generate-cli-api.ts) and
 * bundles the CLI with esbuild into dist/cli/ (slipway.mjs plus a chunk for `admin
 * create-token`), so `slipway` runs with plain node: no tsx, no TypeScript sources.
 * Everything the everyday commands need (openapi-fetch, yaml) is inside the bundle; the
 * admin chunk loads the database packages (Prisma, pg, PGlite) from node_modules, which
 * is where the bootstrap runs: next to a Slipway installation.
 */
import { chmod, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { CLI_API_TYPES, cliApiTypes } from "./generate-cli-api";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outdir = path.join(repoRoot, "dist", "cli");
const DATABASE_PACKAGES = ["@prisma/*", "@electric-sql/pglite", "pglite-prisma-adapter", "pg", "pg-native", "pino", "pino-pretty"];

await writeFile(CLI_API_TYPES, await cliApiTypes());
await rm(outdir, { recursive: true, force: true });
const result = await build({
  entryPoints: { slipway: path.join(repoRoot, "cli", "bin.ts") },
  outdir,
  outExtension: { ".js": ".mjs" },
  bundle: true,
  splitting: true,
  platform: "node",
  target: "node20",
  format: "esm",
  external: DATABASE_PACKAGES,
  // Bundled CommonJS packages call require(); ESM has none of its own.
  banner: { js: 'import { createRequire as __slipwayRequire } from "node:module"; const require = __slipwayRequire(import.meta.url);' },
  tsconfig: path.join(repoRoot, "tsconfig.json"),
  logLevel: "warning",
});
if (result.errors.length > 0) process.exit(1);
await chmod(path.join(outdir, "slipway.mjs"), 0o755);
console.log(`wrote ${path.relative(process.cwd(), path.join(outdir, "slipway.mjs"))}`);
