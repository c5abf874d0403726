/**
 * A connection PostgreSQL ends while it sits idle in the pool (a restart, a failover,
 * an idle timeout) is dropped and logged, not thrown: node-postgres emits it on the
 * pool, and an emitter without a listener would end the whole server process (vitest
 * reports that as an unhandled error and fails the run).
 *
 * Also: the engine's statements give way to requests in progress (lib/db-priority.ts),
 * and the notifications of one turn go out together, in order.
 */
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db";
import { inBackground, requestsFirst } from "@/lib/db-priority";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { AdmissionQueue } from "@/lib/http/admission";
import { CHANNELS, notify } from "@/lib/engine/notifications";
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

describe("[db] the engine's statements wait for requests", () => {
  it("a background query or transaction waits while a request is in progress, up to its limit; a request's goes at once", async () => {
    const requests = new AdmissionQueue(10);
    // Under Prisma's 2 s for a transaction to get its connection, as SLIPWAY_BACKGROUND_WAIT_MS is (lib/env.ts).
    const pool = requestsFirst(new pg.Pool({ connectionString: url, max: 2 }), { maxWaitMs: 1_000, requests: () => requests });
    const client = new PrismaClient({ adapter: new PrismaPg(pool) });
    try {
      let finishRequest!: () => void;
      requests.admit((done) => (finishRequest = done));
      const order: string[] = [];
      // Awaited inside: a Prisma query starts when it is awaited, and it is the engine's only if that is inside inBackground.
      const engineQuery = inBackground(async () => {
        await client.$queryRaw`SELECT 1`;
        order.push("engine query");
      });
      const engineTransaction = inBackground(async () => {
        await client.$transaction((tx) => tx.$queryRaw`SELECT 2`);
        order.push("engine transaction");
      });
      await client.$queryRaw`SELECT 3`;
      order.push("request");
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(order).toEqual(["request"]);
      finishRequest();
      await Promise.all([engineQuery, engineTransaction]);
      expect(order).toHaveLength(3);

      // With requests in progress for good, the engine's statement goes after the limit anyway.
      const bounded = requestsFirst(new pg.Pool({ connectionString: url, max: 1 }), { maxWaitMs: 100, requests: () => requests });
      requests.admit(() => {});
      const began = performance.now();
      await inBackground(() => bounded.query("SELECT 4"));
      expect(performance.now() - began).toBeGreaterThanOrEqual(90);
      await bounded.end();
    } finally {
      await client.$disconnect();
      await pool.end();
    }
  });
});

describe("[db] notifications", () => {
  it("those of one turn reach every listener in the order they were made, from one statement", async () => {
    const listener = new pg.Client({ connectionString: url });
    await listener.connect();
    try {
      await listener.query(`LISTEN ${CHANNELS.progress}`);
      const heard: { order: number; pid: number }[] = [];
      listener.on("notification", (message) => {
        const body = (JSON.parse(message.payload!) as { body: { order?: number } }).body;
        if (typeof body.order === "number") heard.push({ order: body.order, pid: message.processId });
      });
      const sent = Array.from({ length: 20 }, (_, order) => notify(CHANNELS.progress, { releaseId: "test", order }));
      await Promise.all(sent);
      await expect.poll(() => heard.length, { timeout: 10_000 }).toBe(20);
      expect(heard.map((message) => message.order)).toEqual([...Array(20).keys()]);
      expect(new Set(heard.map((message) => message.pid)).size).toBe(1);
    } finally {
      await listener.end();
    }
  });
});
