import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checksumOf, readMigrations } from "@/lib/migrations/run-migrations";
import { MIGRATIONS_DIR } from "../helpers/db-names";

describe("[db] migration files", () => {
  it("checksums are sha256 hex of the file, as Prisma computes them", () => {
    expect(checksumOf("SELECT 1;")).toBe(createHash("sha256").update("SELECT 1;").digest("hex"));
  });

  it("are read in name order from Prisma's folder layout", async () => {
    const migrations = await readMigrations(MIGRATIONS_DIR);
    expect(migrations.map((m) => m.name)).toEqual([...migrations.map((m) => m.name)].sort());
    expect(migrations[0]).toMatchObject({ name: "20261125120000_init" });
    expect(migrations[0]!.sql).toContain('CREATE TABLE "AuditEvent"');
  });
});
