import { cp, mkdtemp, readFile, writeFile, mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checksumOf, MigrationError, readMigrations, runMigrations } from "@/lib/migrations/run-migrations";
import type { SqlConnection } from "@/lib/migrations/sql-connection";
import { MIGRATIONS_DIR } from "../helpers/db-names";
import { openEmptyDatabase } from "../helpers/test-db";

const INIT = "20261125120000_init";
// Every migration in the repository, in the order they apply.
const ALL = (await readMigrations(MIGRATIONS_DIR)).map((migration) => migration.name);
let open: SqlConnection[] = [];

async function emptyDb() {
  const { sql } = await openEmptyDatabase();
  open.push(sql);
  return sql;
}

afterEach(async () => {
  await Promise.all(open.map((sql) => sql.close()));
  open = [];
});

async function copyOfMigrations() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "slipway-migrations-"));
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

async function tableNames(sql: SqlConnection) {
  const rows = await sql.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
  );
  return rows.map((row) => row.table_name);
}

describe("[db] migrations", () => {
  it("apply from empty and are recorded the way Prisma records them", async () => {
    const sql = await emptyDb();
    const result = await runMigrations({ connection: sql, migrationsDir: MIGRATIONS_DIR });

    expect(ALL[0]).toBe(INIT);
    expect(result.applied).toEqual(ALL);
    expect(await tableNames(sql)).toEqual([
      "AccessRequest",
      "ApiToken",
      "App",
      "AppReplicas",
      "AppSecret",
      "AuditEvent",
      "CliLogin",
      "Cluster",
      "Environment",
      "Membership",
      "RateLimit",
      "Release",
      "Team",
      "User",
      "Webhook",
      "WebhookDelivery",
      "_prisma_migrations",
    ]);
    const file = await readFile(path.join(MIGRATIONS_DIR, INIT, "migration.sql"), "utf8");
    const [row] = await sql.query<Record<string, unknown>>(`SELECT * FROM "_prisma_migrations" WHERE migration_name = $1`, [INIT]);
    expect(row).toMatchObject({
      migration_name: INIT,
      checksum: checksumOf(file),
      applied_steps_count: 1,
      rolled_back_at: null,
    });
    expect(row!.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.finished_at).toBeInstanceOf(Date);
  });

  it("re-running is a no-op", async () => {
    const sql = await emptyDb();
    await runMigrations({ connection: sql, migrationsDir: MIGRATIONS_DIR });
    const lines: string[] = [];
    const again = await runMigrations({ connection: sql, migrationsDir: MIGRATIONS_DIR, log: (l) => lines.push(l) });

    expect(again.applied).toEqual([]);
    expect(lines).toContain("database is up to date");
    expect(await sql.query(`SELECT 1 FROM "_prisma_migrations"`)).toHaveLength(ALL.length);
  });

  it("refuses a migration whose file changed after it was applied, before applying anything", async () => {
    const dir = await copyOfMigrations();
    const sql = await emptyDb();
    await runMigrations({ connection: sql, migrationsDir: dir });

    const initFile = path.join(dir, INIT, "migration.sql");
    await writeFile(initFile, `${await readFile(initFile, "utf8")}\n-- edited later\n`);
    await mkdir(path.join(dir, "29991231000000_next"));
    await writeFile(path.join(dir, "29991231000000_next", "migration.sql"), `CREATE TABLE "Later" (id int);`);

    const run = runMigrations({ connection: sql, migrationsDir: dir });
    await expect(run).rejects.toThrow(MigrationError);
    await expect(run).rejects.toThrow(/20261125120000_init was changed after it was applied/);
    expect(await tableNames(sql)).not.toContain("Later");
  });

  it("stops on a failing migration and leaves the database as it was", async () => {
    const dir = await copyOfMigrations();
    await mkdir(path.join(dir, "29991231000000_broken"));
    await writeFile(
      path.join(dir, "29991231000000_broken", "migration.sql"),
      `CREATE TABLE "HalfDone" (id int);\nALTER TABLE "NoSuchTable" ADD COLUMN x int;`,
    );
    const sql = await emptyDb();

    await expect(runMigrations({ connection: sql, migrationsDir: dir })).rejects.toThrow(
      /29991231000000_broken failed and was rolled back: .*NoSuchTable/,
    );
    // The good migration before it stays applied; the broken one left nothing behind.
    expect(await tableNames(sql)).not.toContain("HalfDone");
    const rows = await sql.query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations"`);
    expect(rows.map((row) => row.migration_name).sort()).toEqual(ALL);
  });

  it("refuses to go on after a migration that started but never finished", async () => {
    const sql = await emptyDb();
    await runMigrations({ connection: sql, migrationsDir: MIGRATIONS_DIR });
    await sql.exec(`UPDATE "_prisma_migrations" SET finished_at = NULL`);

    await expect(runMigrations({ connection: sql, migrationsDir: MIGRATIONS_DIR })).rejects.toThrow(/started but never finished/);
  });
});
