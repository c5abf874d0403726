/**
 * The sealer's migration on a database whose audit log was chained under the old lock:
 * every existing row keeps its hashes and takes its id as its place in the chain (so
 * anchors signed before, which name row ids, still match), and the table stays
 * append-only, with sealing as the one update allowed.
 */
import { afterAll, describe, expect, it } from "vitest";
import { auditHash, GENESIS_HASH } from "@/lib/audit/hash";
import { runMigrations } from "@/lib/migrations/run-migrations";
import type { SqlConnection } from "@/lib/migrations/sql-connection";
import { MIGRATIONS_DIR } from "../helpers/db-names";
import { databaseMigratedWithout } from "../helpers/migrated-without";

const MIGRATION = "20261207100000_audit_chain_sealer";
let sql: SqlConnection | undefined;
afterAll(() => sql?.close());

describe("[db] audit chain sealer migration", () => {
  it("keeps the chained rows as they were, in id order, and lets only the sealer link new ones", async () => {
    sql = await databaseMigratedWithout((name) => name >= MIGRATION);
    let prevHash = GENESIS_HASH;
    const chained: { prevHash: string; hash: string }[] = [];
    for (const i of [1, 2, 3]) {
      const createdAt = new Date(Date.UTC(2026, 10, i));
      const content = {
        createdAt,
        actorId: null,
        actorEmail: null,
        teamId: null,
        action: "team.create",
        targetType: null,
        targetId: null,
        data: { i },
        requestId: null,
        sourceIp: null,
      };
      const hash = auditHash(prevHash, content);
      await sql.query(
        `INSERT INTO "AuditEvent" ("createdAt", action, data, "prevHash", hash) VALUES ($1::timestamptz, 'team.create', $2::jsonb, $3, $4)`,
        [createdAt.toISOString(), JSON.stringify({ i }), prevHash, hash],
      );
      chained.push({ prevHash, hash });
      prevHash = hash;
    }

    const result = await runMigrations({ connection: sql, migrationsDir: MIGRATIONS_DIR });
    expect(result.applied[0]).toBe(MIGRATION);
    const rows = await sql.query<{ id: string; seq: string; prevHash: string; hash: string }>(
      `SELECT id::text, seq::text, "prevHash", hash FROM "AuditEvent" ORDER BY id`,
    );
    expect(rows.map(({ id, seq }) => id === seq)).toEqual([true, true, true]);
    expect(rows.map(({ prevHash, hash }) => ({ prevHash, hash }))).toEqual(chained);

    // A new event comes in unsealed; the sealer's update is allowed once, nothing else is.
    await expect(sql.exec(`INSERT INTO "AuditEvent" ("createdAt", action, hash) VALUES (now(), 'x', repeat('e', 64))`)).rejects.toThrow(
      /inserted unsealed/,
    );
    await sql.exec(`INSERT INTO "AuditEvent" ("createdAt", action) VALUES (now(), 'team.create')`);
    const seal = `seq = 4, "prevHash" = '${prevHash}', hash = repeat('f', 64)`;
    await expect(sql.exec(`UPDATE "AuditEvent" SET ${seal} WHERE seq = 3`)).rejects.toThrow(/append-only/);
    await expect(sql.exec(`UPDATE "AuditEvent" SET ${seal}, "sourceIp" = '10.0.0.1' WHERE seq IS NULL`)).rejects.toThrow(/append-only/);
    await sql.exec(`UPDATE "AuditEvent" SET ${seal} WHERE seq IS NULL`);
    await expect(sql.exec(`UPDATE "AuditEvent" SET seq = 5 WHERE seq = 4`)).rejects.toThrow(/append-only/);
    await expect(sql.exec(`DELETE FROM "AuditEvent" WHERE seq = 4`)).rejects.toThrow(/append-only/);
  }, 120_000);
});
