/**
 * The one Prisma client. PostgreSQL through @prisma/adapter-pg when DATABASE_URL is
 * set; otherwise embedded PGlite with its files under DATA_DIR. Created on first use,
 * so importing this module (as `next build` does) opens no database.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { pgliteDir } from "@/lib/pglite-dir";

export type Db = PrismaClient;
/** The client inside `db().$transaction(async (tx) => ...)`. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export function createPrismaClient(options: { databaseUrl?: string; pglite?: PGlite }): PrismaClient {
  if (options.databaseUrl) {
    return new PrismaClient({ adapter: new PrismaPg({ connectionString: options.databaseUrl }) });
  }
  return new PrismaClient({ adapter: new PrismaPGlite(options.pglite ?? new PGlite(pgliteDir())) });
}

// Survive Next.js dev-mode module reloads, which would otherwise open PGlite twice.
const holder = globalThis as unknown as { slipwayDb?: PrismaClient };

export function db(): PrismaClient {
  holder.slipwayDb ??= createPrismaClient({ databaseUrl: env.DATABASE_URL });
  return holder.slipwayDb;
}
