// npm run db:migrate: applies pending migrations to DATABASE_URL, or to the embedded
// PGlite database when it is unset.
import path from "node:path";
import { mkdir } from "node:fs/promises";
import { env } from "@/lib/env";
import { MigrationError, runMigrations } from "@/lib/migrations/run-migrations";
import { connectPostgres, openPGlite } from "@/lib/migrations/sql-connection";
import { grantAppRole } from "@/lib/migrations/grant-app-role";
import { pgliteDir } from "@/lib/pglite-dir";

async function main() {
  const target = env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `PGlite at ${pgliteDir()}`;
  if (!env.DATABASE_URL) await mkdir(pgliteDir(), { recursive: true });
  const connection = env.DATABASE_URL ? await connectPostgres(env.DATABASE_URL) : await openPGlite(pgliteDir());
  try {
    console.log(`migrating ${target}`);
    await runMigrations({
      connection,
      migrationsDir: path.resolve("prisma/migrations"),
      log: (line) => console.log(`  ${line}`),
    });
    const appRole = env.SLIPWAY_DB_APP_ROLE;
    if (appRole && env.DATABASE_URL) {
      await grantAppRole(connection, appRole);
      console.log(`granted the app role ${appRole} its rights (the audit log: SELECT and INSERT only)`);
    }
  } finally {
    await connection.close();
  }
}

main().catch((error) => {
  console.error(error instanceof MigrationError ? `migration stopped: ${error.message}` : error);
  process.exit(1);
});
