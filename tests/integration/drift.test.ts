import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runMigrations } from "@/lib/migrations/run-migrations";
import type { SqlConnection } from "@/lib/migrations/sql-connection";
import { MIGRATIONS_DIR } from "../helpers/db-names";
import { findDrift, type Datamodel } from "../helpers/schema-drift";
import { openEmptyDatabase } from "../helpers/test-db";

const DMMF = path.resolve(import.meta.dirname, "../../lib/generated/dmmf.json");
let datamodel: Datamodel;
let sql: SqlConnection;

beforeAll(async () => {
  datamodel = JSON.parse(await readFile(DMMF, "utf8"));
  sql = (await openEmptyDatabase()).sql;
  await runMigrations({ connection: sql, migrationsDir: MIGRATIONS_DIR });
});
afterAll(() => sql.close());

describe("[db] schema drift", () => {
  it("the migrations create everything the Prisma schema declares", async () => {
    expect(datamodel.models.map((m) => m.name)).toEqual([
      "User",
      "Team",
      "Membership",
      "App",
      "AppReplicas",
      "AppSecret",
      "Release",
      "AuditEvent",
      "ApiToken",
      "RateLimit",
      "CliLogin",
      "Webhook",
      "WebhookDelivery",
      "Cluster",
      "Environment",
      "AccessRequest",
    ]);
    expect(await findDrift(sql, datamodel)).toEqual([]);
  });

  it("notices a missing index, a changed nullability, a changed type and a missing foreign key", async () => {
    await sql.exec(`
      BEGIN;
      DROP INDEX "Release_status_idx";
      ALTER TABLE "App" ALTER COLUMN "host" SET NOT NULL;
      ALTER TABLE "Team" ALTER COLUMN "slug" TYPE varchar(100);
      ALTER TABLE "ApiToken" DROP CONSTRAINT "ApiToken_userId_fkey";
    `);
    try {
      expect(await findDrift(sql, datamodel)).toEqual([
        "column Team.slug is varchar(100), schema says varchar(63)",
        "column App.host is NOT NULL, schema says optional",
        "foreign key ApiToken(userId) -> User(id) is missing",
        "normal index on Release(status) is missing",
      ]);
    } finally {
      await sql.exec("ROLLBACK");
    }
  });
});
