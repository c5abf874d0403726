/**
 * Applies prisma/migrations/<name>/migration.sql in order, recording each in
 * `_prisma_migrations` exactly as `prisma migrate deploy` does (same table, sha256
 * checksum of the file), so either tool can take over from the other. We run our own
 * because the Prisma CLI cannot fetch its schema-engine binary on our machines.
 *
 * Guarantees: one runner at a time (advisory lock, Prisma's key); every applied
 * migration is checked against its file before anything new runs; each migration and
 * its record commit together or not at all.
 */
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { SqlConnection } from "./sql-connection";

// The key `prisma migrate` locks, so our runner and Prisma's exclude each other.
const PRISMA_MIGRATE_LOCK = 72707369;

export class MigrationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "MigrationError";
  }
}

export type LocalMigration = { name: string; sql: string; checksum: string };

type AppliedRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
};

export function checksumOf(sql: string): string {
  return createHash("sha256").update(sql, "utf8").digest("hex");
}

export async function readMigrations(dir: string): Promise<LocalMigration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: checksumOf(sql) };
    }),
  );
}

const CREATE_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export async function runMigrations(options: {
  connection: SqlConnection;
  migrationsDir: string;
  log?: (line: string) => void;
}): Promise<{ applied: string[] }> {
  const { connection: db, log = () => {} } = options;
  const local = await readMigrations(options.migrationsDir);

  await db.exec(CREATE_TABLE);
  await db.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK]);
  try {
    const rows = await db.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
    );
    const pending = findPending(local, rows, log);
    for (const migration of pending) {
      log(`applying ${migration.name}`);
      await applyOne(db, migration);
    }
    if (pending.length === 0) log("database is up to date");
    return { applied: pending.map((migration) => migration.name) };
  } finally {
    await db.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK]);
  }
}

/** Refuses to go on when history and files disagree; returns what is left to apply. */
function findPending(local: LocalMigration[], rows: AppliedRow[], log: (line: string) => void): LocalMigration[] {
  const live = rows.filter((row) => row.rolled_back_at === null);
  const failed = live.find((row) => row.finished_at === null);
  if (failed) {
    throw new MigrationError(
      `Migration ${failed.migration_name} started but never finished. Fix the database by hand, then mark it ` +
        `rolled back (prisma migrate resolve --rolled-back ${failed.migration_name}) before migrating again.`,
    );
  }
  const applied = new Map(live.map((row) => [row.migration_name, row]));
  for (const migration of local) {
    const row = applied.get(migration.name);
    if (row && row.checksum !== migration.checksum) {
      throw new MigrationError(
        `Migration ${migration.name} was changed after it was applied (checksum ${row.checksum} in the database, ` +
          `${migration.checksum} on disk). Restore the file and put the change in a new migration.`,
      );
    }
  }
  const known = new Set(local.map((migration) => migration.name));
  for (const name of applied.keys()) {
    if (!known.has(name)) log(`warning: ${name} is applied in the database but missing from prisma/migrations`);
  }
  return local.filter((migration) => !applied.has(migration.name));
}

async function applyOne(db: SqlConnection, migration: LocalMigration): Promise<void> {
  await db.exec("BEGIN");
  try {
    await db.exec(migration.sql);
    await db.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), now(), 1)`,
      [randomUUID(), migration.checksum, migration.name],
    );
    await db.exec("COMMIT");
  } catch (error) {
    await db.exec("ROLLBACK");
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${reason}`, { cause: error });
  }
}
