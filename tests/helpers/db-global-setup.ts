/**
 * Prepares one migrated database per integration project; each test file then gets
 * its own copy (tests/helpers/db-setup.ts), so files run in parallel without sharing rows.
 *   postgres: a migrated template database on the server named by SLIPWAY_TEST_PG_URL
 *             (scripts/test.sh starts a throwaway server and sets it).
 *   pglite:   a migrated PGlite directory that each file copies.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { runMigrations } from "@/lib/migrations/run-migrations";
import { connectPostgres, openPGlite } from "@/lib/migrations/sql-connection";
import { adminUrl, databaseUrl, MIGRATIONS_DIR, uniqueName } from "./db-names";

declare module "vitest" {
  export interface ProvidedContext {
    testDb: { kind: "postgres"; template: string } | { kind: "pglite"; template: string };
  }
}

export default async function setup(project: TestProject) {
  // The project's `env` reaches its workers, not this (main) process: read it from the project.
  const kind = (project.config.env as Record<string, string> | undefined)?.SLIPWAY_TEST_DB ?? process.env.SLIPWAY_TEST_DB;
  if (kind === "postgres") {
    const admin = await connectPostgres(adminUrl());
    const template = uniqueName("slipway_template");
    await admin.exec(`CREATE DATABASE "${template}"`);
    const conn = await connectPostgres(databaseUrl(template));
    await runMigrations({ connection: conn, migrationsDir: MIGRATIONS_DIR });
    await conn.close();
    project.provide("testDb", { kind: "postgres", template });
    return async () => {
      // Per-file databases were made from the template; drop them all with it.
      const rows = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${template}%`]);
      const fileDbs = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'slipway_test_%'");
      for (const { datname } of [...fileDbs, ...rows]) {
        await admin.exec(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      }
      await admin.close();
    };
  }

  const template = await mkdtemp(path.join(os.tmpdir(), "slipway-pglite-template-"));
  const conn = await openPGlite(template);
  await runMigrations({ connection: conn, migrationsDir: MIGRATIONS_DIR });
  await conn.close();
  project.provide("testDb", { kind: "pglite", template });
  return () => rm(template, { recursive: true, force: true });
}
