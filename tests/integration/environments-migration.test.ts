/**
 * The clusters-and-environments migration on a database that already has teams and
 * releases: each team gets one environment, "production", on the default cluster in the
 * namespace it has, and its releases become that environment's.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runMigrations } from "@/lib/migrations/run-migrations";
import type { SqlConnection } from "@/lib/migrations/sql-connection";
import { MIGRATIONS_DIR } from "../helpers/db-names";
import { databaseMigratedWithout } from "../helpers/migrated-without";

const MIGRATION = "20261206120000_clusters_environments";
let sql: SqlConnection | undefined;
afterAll(() => sql?.close());

describe("[db] environments migration", () => {
  it("gives every existing team a production environment in its own namespace, owning its releases", async () => {
    // Later migrations that change the Environment table wait with it.
    const later = (await readdir(MIGRATIONS_DIR)).filter((name) => name > MIGRATION && !name.endsWith(".toml")).sort();
    const held = new Set([MIGRATION]);
    for (const name of later) {
      if ((await readFile(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8")).includes('"Environment"')) held.add(name);
    }
    sql = await databaseMigratedWithout((name) => held.has(name));
    await sql.exec(`
      INSERT INTO "Team" (id, slug, name, namespace) VALUES
        ('00000000-0000-4000-8000-000000000001', 'shop', 'Shop', 'team-shop'),
        ('00000000-0000-4000-8000-000000000002', 'legacy', 'Legacy', 'legacy-ns');
      INSERT INTO "App" (id, "teamId", name, "imageRepository", "containerPort", "updatedAt") VALUES
        ('00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-000000000001', 'web', 'r.example.com/web', 80, now());
      INSERT INTO "Release" (id, "appId", sequence, image, spec) VALUES
        ('00000000-0000-4000-8000-0000000000b1', '00000000-0000-4000-8000-0000000000a1', 1, 'r.example.com/web:1', '{}'),
        ('00000000-0000-4000-8000-0000000000b2', '00000000-0000-4000-8000-0000000000a1', 2, 'r.example.com/web:2', '{}');
    `);

    const result = await runMigrations({ connection: sql, migrationsDir: MIGRATIONS_DIR });
    expect(result.applied).toEqual([...held]);
    const environments = await sql.query<{ slug: string; name: string; namespace: string; clusterId: string | null }>(
      `SELECT t.slug, e.name, e.namespace, e."clusterId" FROM "Environment" e JOIN "Team" t ON t.id = e."teamId" ORDER BY t.slug`,
    );
    expect(environments).toEqual([
      { slug: "legacy", name: "production", namespace: "legacy-ns", clusterId: null },
      { slug: "shop", name: "production", namespace: "team-shop", clusterId: null },
    ]);
    const releases = await sql.query<{ sequence: number; environment: string }>(
      `SELECT r.sequence, e.name AS environment FROM "Release" r JOIN "Environment" e ON e.id = r."environmentId" ORDER BY r.sequence`,
    );
    expect(releases).toEqual([
      { sequence: 1, environment: "production" },
      { sequence: 2, environment: "production" },
    ]);
  }, 120_000);
});
