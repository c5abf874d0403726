/**
 * The smallest common surface of node-postgres and PGlite that the migration runner
 * and the schema checks need: one connection, plain SQL.
 */
import pg from "pg";
import type { PGlite } from "@electric-sql/pglite";

export interface SqlConnection {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements (no parameters). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

export async function connectPostgres(connectionString: string): Promise<SqlConnection> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 10_000 });
  await client.connect();
  return {
    query: async (sql, params) => (await client.query(sql, params)).rows,
    exec: async (sql) => {
      await client.query(sql);
    },
    close: () => client.end(),
  };
}

export function wrapPGlite(db: PGlite, options: { closeWithConnection: boolean }): SqlConnection {
  return {
    query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
    exec: async (sql) => {
      await db.exec(sql);
    },
    close: async () => {
      if (options.closeWithConnection) await db.close();
    },
  };
}

export async function openPGlite(dataDir: string): Promise<SqlConnection> {
  // Loaded on demand: the migration runner in the container image is PostgreSQL-only
  // and is bundled without PGlite.
  const { PGlite } = await import("@electric-sql/pglite");
  const db = await PGlite.create(dataDir);
  return wrapPGlite(db, { closeWithConnection: true });
}
