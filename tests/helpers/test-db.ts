/**
 * The database of the current test file (set up by db-setup.ts), as the app's Prisma
 * client plus a raw SQL connection for what the client cannot do (catalog queries,
 * bypassing triggers to simulate tampering).
 */
import { PGlite } from "@electric-sql/pglite";
import { createPrismaClient, type Db } from "@/lib/db";
import { connectPostgres, wrapPGlite, type SqlConnection } from "@/lib/migrations/sql-connection";

export type TestDb = { prisma: Db; sql: SqlConnection; close(): Promise<void> };

export async function openTestDb(): Promise<TestDb> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const prisma = createPrismaClient({ databaseUrl: url });
    const sql = await connectPostgres(url);
    return {
      prisma,
      sql,
      close: async () => {
        await prisma.$disconnect();
        await sql.close();
      },
    };
  }
  // PGlite is single-connection: the client and the raw connection share one instance.
  const pglite = await PGlite.create(process.env.PGLITE_DIR!);
  const prisma = createPrismaClient({ pglite });
  return {
    prisma,
    sql: wrapPGlite(pglite, { closeWithConnection: false }),
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

/** A database with nothing in it, for migration tests. */
export async function openEmptyDatabase(): Promise<{ sql: SqlConnection; url?: string }> {
  if (process.env.SLIPWAY_TEST_DB === "postgres") {
    const { adminUrl, databaseUrl, uniqueName } = await import("./db-names");
    const name = uniqueName("slipway_test_empty");
    const admin = await connectPostgres(adminUrl());
    await admin.exec(`CREATE DATABASE "${name}"`);
    await admin.close();
    return { sql: await connectPostgres(databaseUrl(name)), url: databaseUrl(name) };
  }
  return { sql: wrapPGlite(await PGlite.create(), { closeWithConnection: true }) };
}
