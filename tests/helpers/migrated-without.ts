/**
 * For testing a migration on existing data: an empty database migrated with every
 * migration in the repository except those `leaveOut` picks (the one under test, and
 * later ones that depend on it). Apply the rest with runMigrations on MIGRATIONS_DIR.
 */
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { runMigrations } from "@/lib/migrations/run-migrations";
import type { SqlConnection } from "@/lib/migrations/sql-connection";
import { MIGRATIONS_DIR } from "./db-names";
import { openEmptyDatabase } from "./test-db";

export async function databaseMigratedWithout(leaveOut: (name: string) => boolean): Promise<SqlConnection> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "slipway-migrations-"));
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  for (const name of await readdir(MIGRATIONS_DIR)) {
    if (!name.endsWith(".toml") && leaveOut(name)) await rm(path.join(dir, name), { recursive: true });
  }
  const { sql } = await openEmptyDatabase();
  await runMigrations({ connection: sql, migrationsDir: dir });
  return sql;
}
