/**
 * The one Prisma client. PostgreSQL through @prisma/adapter-pg when DATABASE_URL is
 * set; otherwise embedded PGlite with its files under DATA_DIR. Created on first use,
 * so importing this module (as `next build` does) opens no database.
 *
 * The pool holds DATABASE_POOL_SIZE connections. No transaction is held across a
 * cluster call, so the release queue's workers borrow a connection only for short
 * bookkeeping statements; the pool is sized for requests plus the queue's concurrency.
 * Interactive transactions are run again (a bounded number of times) when PostgreSQL
 * asks for it: a serialization failure or a detected deadlock.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { PrismaPg } from "@prisma/adapter-pg";
import { Pool } from "pg";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { isRetryableTransactionError } from "@/lib/db-errors";
import { logger } from "@/lib/observability/logger";
import { reportPoolUse } from "@/lib/observability/metrics";
import { statementNames } from "@/lib/db-statement-names";
import { pgliteDir } from "@/lib/pglite-dir";
import { requestsFirst, withPriorityTurns } from "@/lib/db-priority";

export type Db = PrismaClient;
/** The client inside `db().$transaction(async (tx) => ...)`. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** Attempts for a transaction that PostgreSQL aborted with 40001/40P01. */
export const TRANSACTION_ATTEMPTS = 4;

export function createPrismaClient(options: { databaseUrl?: string; pglite?: PGlite; poolSize?: number }): PrismaClient {
  if (options.databaseUrl) {
    const pool = new Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? env.DATABASE_POOL_SIZE,
      // A database that does not answer must fail a request (503), not hang it.
      connectionTimeoutMillis: 5_000,
    });
    watchPool(pool);
    // The engine's statements wait for the requests in progress, briefly (lib/db-priority.ts).
    return withTransactionRetries(
      new PrismaClient({
        adapter: new PrismaPg(requestsFirst(pool), {
          ...(env.DATABASE_PREPARED_STATEMENTS ? { statementNameGenerator: statementNames() } : {}),
        }),
      }),
    );
  }
  // One connection: requests' statements go before the engine's (lib/db-priority.ts).
  const pglite = withPriorityTurns(options.pglite ?? new PGlite(pgliteDir()));
  return withTransactionRetries(new PrismaClient({ adapter: new PrismaPGlite(pglite) }));
}

/**
 * `$transaction(fn)` runs `fn` again when PostgreSQL reports a serialization failure
 * or a deadlock (it rolled the whole transaction back, so running it again is safe:
 * transaction bodies do database work only). The batch form is passed through.
 */
function withTransactionRetries(client: PrismaClient): PrismaClient {
  const transaction = client.$transaction.bind(client) as (...args: unknown[]) => Promise<unknown>;
  const retrying = async (...args: unknown[]) => {
    if (typeof args[0] !== "function") return transaction(...args);
    for (let attempt = 1; ; attempt++) {
      try {
        return await transaction(...args);
      } catch (error) {
        if (attempt >= TRANSACTION_ATTEMPTS || !isRetryableTransactionError(error)) throw error;
        // Jitter, so the transactions that collided do not collide again.
        await sleep(Math.random() * 20 * 2 ** attempt);
      }
    }
  };
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === "$transaction") return retrying;
      return Reflect.get(target, property, receiver);
    },
  });
}

// Survive Next.js dev-mode module reloads, which would otherwise open PGlite twice.
const holder = globalThis as unknown as { slipwayDb?: PrismaClient };

export function db(): PrismaClient {
  holder.slipwayDb ??= createPrismaClient({ databaseUrl: env.DATABASE_URL });
  return holder.slipwayDb;
}

/** The pool's use, read when /metrics is scraped. */
function watchPool(pool: Pool) {
  reportPoolUse(() => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }));
  // An idle connection that PostgreSQL ends (a restart, a failover) is emitted here; the pool
  // drops it and opens a new one when asked. Without a listener Node throws it, ending the process.
  // Only the message: pg attaches the client (its whole state) to the error.
  pool.on("error", (error) => logger.warn({ error: error.message }, "database: an idle connection was closed by the server"));
}
