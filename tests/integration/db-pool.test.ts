/**
 * A connection PostgreSQL ends while it sits idle in the pool (a restart, a failover,
 * an idle timeout) is dropped and logged, not thrown: node-postgres emits it on the
 * pool, and an emitter without a listener would end the whole server process (vitest
 * reports that as an unhandled error and fails the run).
 */
import { describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db";
import { connectPostgres } from "@/lib/migrations/sql-connection";

// PostgreSQL only: vitest.config.ts runs this file in integration-postgres.
const url = process.env.DATABASE_URL!;

describe("[db] the connection pool", () => {
  it("survives the server ending an idle connection, and the next query opens a new one", async () => {
    const client = createPrismaClient({ databaseUrl: url, poolSize: 1 });
    const admin = await connectPostgres(url);
    try {
      const pid = (await client.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`)[0]!.pid;
      // Prisma's adapter listens on the pool only while connected; the pool and its idle connection outlive that.
      await client.$disconnect();
      await admin.query(`SELECT pg_terminate_backend(${Number(pid)})`);
      const gone = async () => (await admin.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = ${Number(pid)}`))[0]?.n;
      await expect.poll(gone, { timeout: 10_000 }).toBe(0);
      // The pool sees the connection end (its "error" event) and opens another for the next query.
      await expect
        .poll(async () => (await client.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`)[0]!.pid, { timeout: 10_000 })
        .not.toBe(pid);
    } finally {
      await admin.close();
      await client.$disconnect();
    }
  });
});
