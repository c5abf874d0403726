/**
 * In production the app's database role does not own the audit table (README, Install):
 * after grantAppRole it can append and read the audit log, but not rewrite it or switch
 * its trigger off.
 */
import { describe, expect, it } from "vitest";
import { connectPostgres } from "@/lib/migrations/sql-connection";
import { grantAppRole } from "@/lib/migrations/grant-app-role";

// Roles exist only in PostgreSQL: vitest.config.ts runs this file in integration-postgres only.
const url = process.env.DATABASE_URL;

describe("[db] the app's role", () => {
  it("may append to the audit log and seal it, never rewrite it or switch its trigger off", async () => {
    const owner = await connectPostgres(url!);
    const role = `slipway_app_${Date.now().toString(36)}`;
    await owner.exec(`CREATE ROLE ${role} LOGIN PASSWORD 'app'`);
    await grantAppRole(owner, role);
    await owner.close();
    const app = await connectPostgres(url!.replace(/\/\/[^@]*@/, `//${role}:app@`));
    try {
      await app.exec(`INSERT INTO "AuditEvent" ("createdAt", action) VALUES (now(), 'x')`);
      expect(await app.query(`SELECT count(*)::int AS n FROM "AuditEvent"`)).toEqual([{ n: 1 }]);
      // the sealer's one update: the chain columns of an unsealed row, once
      await app.exec(`UPDATE "AuditEvent" SET seq = 1, "prevHash" = repeat('0', 64), hash = repeat('a', 64)`);
      await expect(app.exec(`UPDATE "AuditEvent" SET hash = repeat('b', 64)`)).rejects.toThrow(/append-only/);
      await expect(app.exec(`ALTER TABLE "AuditEvent" DISABLE TRIGGER USER`)).rejects.toThrow(/must be owner/);
      await expect(app.exec(`UPDATE "AuditEvent" SET action = 'y'`)).rejects.toThrow(/permission denied/);
      await expect(app.exec(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/permission denied/);
      await expect(app.exec(`SET session_replication_role = replica`)).rejects.toThrow(/permission denied/);
      await app.exec(`INSERT INTO "RateLimit" (key, "windowStart", count) VALUES ('k', now(), 1)`);
    } finally {
      await app.close();
    }
  });
});
