/**
 * Runs before each integration test file: gives the file its own migrated database
 * and points DATABASE_URL or PGLITE_DIR at it before lib/env is first imported.
 */
import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, inject } from "vitest";
import { connectPostgres } from "@/lib/migrations/sql-connection";
import { adminUrl, databaseUrl, uniqueName } from "./db-names";

const testDb = inject("testDb");

// Embedded state of this file's own (no local cluster, no shared .data/).
process.env.DATA_DIR = await mkdtemp(path.join(os.tmpdir(), "slipway-data-"));

if (testDb.kind === "postgres") {
  const name = uniqueName("slipway_test");
  const admin = await connectPostgres(adminUrl());
  await admin.exec(`CREATE DATABASE "${name}" TEMPLATE "${testDb.template}"`);
  await admin.close();
  process.env.DATABASE_URL = databaseUrl(name);
  delete process.env.PGLITE_DIR;
} else {
  const dir = await mkdtemp(path.join(os.tmpdir(), "slipway-pglite-"));
  await cp(testDb.template, dir, { recursive: true });
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = dir;
  afterAll(() => rm(dir, { recursive: true, force: true }));
}
