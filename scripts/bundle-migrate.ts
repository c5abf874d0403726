/**
 * Bundles the migration runner (scripts/migrate.ts) with its dependencies (pg, zod)
 * into one CommonJS file for the container image, which has neither tsx nor the
 * TypeScript sources nor a full node_modules:
 *
 *   npx tsx scripts/bundle-migrate.ts [outfile]     (default dist/migrate.cjs)
 *
 * PostgreSQL only: PGlite is left out (sql-connection.ts loads it on demand, and the
 * image always migrates DATABASE_URL). CommonJS because pg is CommonJS and calls
 * require(), which an ESM bundle cannot. Any esbuild warning fails the build: the
 * likely one, "import.meta is not available", means something pulled the Prisma client
 * (lib/db) into the runner, which would then crash at start-up.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Metafile } from "esbuild";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export async function bundleMigrate(outfile: string): Promise<Metafile> {
  const result = await build({
    entryPoints: [path.join(repoRoot, "scripts", "migrate.ts")],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    // pg's optional native driver, and the embedded database.
    external: ["pg-native", "@electric-sql/pglite"],
    tsconfig: path.join(repoRoot, "tsconfig.json"),
    metafile: true,
    logLevel: "silent",
  });
  if (result.warnings.length > 0) {
    const messages = result.warnings.map((warning) => `${warning.location?.file ?? ""}: ${warning.text}`).join("\n");
    throw new Error(`bundling the migration runner produced warnings:\n${messages}`);
  }
  return result.metafile;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outfile = path.resolve(process.argv[2] ?? "dist/migrate.cjs");
  await bundleMigrate(outfile);
  console.log(`wrote ${path.relative(process.cwd(), outfile)}`);
}
