/**
 * The secrets-per-environment migration on a database that already has secrets: until
 * then a value was written to every environment's namespace, so each secret becomes one
 * row per environment of its team, with its version, who set it and when.
 */
import { afterAll, describe, expect, it } from "vitest";
import { runMigrations } from "@/lib/migrations/run-migrations";
import type { SqlConnection } from "@/lib/migrations/sql-connection";
import { MIGRATIONS_DIR } from "../helpers/db-names";
import { databaseMigratedWithout } from "../helpers/migrated-without";

const MIGRATION = "20261206141000_app_secrets_per_environment";
let sql: SqlConnection | undefined;
afterAll(() => sql?.close());

describe("[db] secrets per environment migration", () => {
  it("copies each secret to every environment of its team; the unique name is per environment", async () => {
    sql = await databaseMigratedWithout((name) => name >= MIGRATION);
    await sql.exec(`
      INSERT INTO "Team" (id, slug, name, namespace) VALUES ('00000000-0000-4000-8000-000000000001', 'shop', 'Shop', 'team-shop');
      INSERT INTO "Environment" (id, "teamId", name, namespace, "createdAt") VALUES
        ('00000000-0000-4000-8000-0000000000e1', '00000000-0000-4000-8000-000000000001', 'production', 'team-shop', now() - interval '1 day'),
        ('00000000-0000-4000-8000-0000000000e2', '00000000-0000-4000-8000-000000000001', 'qa', 'team-shop-qa', now());
      INSERT INTO "App" (id, "teamId", name, "imageRepository", "containerPort", "updatedAt") VALUES
        ('00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-000000000001', 'web', 'r.example.com/web', 80, now());
      INSERT INTO "AppSecret" (id, "appId", name, version, "setAt") VALUES
        ('00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-0000000000a1', 'DATABASE_URL', 3, now());
    `);

    const result = await runMigrations({ connection: sql, migrationsDir: MIGRATIONS_DIR });
    expect(result.applied[0]).toBe(MIGRATION);
    const rows = await sql.query<{ name: string; version: number; environment: string }>(
      `SELECT s.name, s.version, e.name AS environment FROM "AppSecret" s JOIN "Environment" e ON e.id = s."environmentId" ORDER BY e.name`,
    );
    expect(rows).toEqual([
      { name: "DATABASE_URL", version: 3, environment: "production" },
      { name: "DATABASE_URL", version: 3, environment: "qa" },
    ]);
    await expect(
      sql.exec(`INSERT INTO "AppSecret" (id, "appId", name, version, "setAt", "environmentId") VALUES
        (gen_random_uuid(), '00000000-0000-4000-8000-0000000000a1', 'DATABASE_URL', 1, now(), '00000000-0000-4000-8000-0000000000e2')`),
    ).rejects.toThrow(/duplicate key|unique/i);
  }, 120_000);
});
