/**
 * The sealer under real concurrency (PostgreSQL only: PGlite has one connection, so no
 * transaction can commit while another one is open; vitest.config.ts runs this file in
 * integration-postgres only). An audited transaction that inserted its event first but
 * commits last must still join the chain, after the events sealed in the meantime.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { sealAuditChain } from "@/lib/audit/seal-audit-chain";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { LEADER_LOCK } from "@/lib/engine/leader";
import { connectPostgres } from "@/lib/migrations/sql-connection";
import { openTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t.close());

describe("[audit] the sealer and late commits", () => {
  it("an event that commits after a later one was sealed joins the chain after it", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const insertedYet = new Promise<void>((resolve) => (inserted = resolve));
    const slow = t.prisma.$transaction(async (tx) => {
      const event = await recordAuditEvent({ tx, actor: null, action: "team.create", data: { slow: true } as never });
      inserted();
      await gate;
      return event;
    });
    await insertedYet;
    const fast = await t.prisma.$transaction((tx) =>
      recordAuditEvent({ tx, actor: null, action: "team.create", data: { fast: true } as never }),
    );
    expect(await sealAuditChain(t.prisma)).toBe(1);
    release();
    const early = await slow;
    expect(early.id).toBeLessThan(fast.id);
    expect(await sealAuditChain(t.prisma)).toBe(1);
    const [a, b] = await Promise.all([early, fast].map((event) => t.prisma.auditEvent.findUniqueOrThrow({ where: { id: event.id } })));
    expect(a!.seq).toBeGreaterThan(b!.seq!);
    expect(a!.prevHash).toBe(b!.hash);
    expect(await verifyAuditChain({ db: t.prisma })).toMatchObject({ ok: true });
  });

  it("seals while the leader (which runs the sealer) holds its own lock on another session", async () => {
    // The first sealer shared the leader's advisory key, so on the leader it waited forever.
    const leader = await connectPostgres(process.env.DATABASE_URL!);
    try {
      expect(await leader.query(`SELECT pg_try_advisory_lock($1) AS ok`, [LEADER_LOCK.toString()])).toEqual([{ ok: true }]);
      await t.prisma.$transaction((tx) => recordAuditEvent({ tx, actor: null, action: "team.create", data: { leader: true } as never }));
      const sealed = await Promise.race([
        sealAuditChain(t.prisma),
        new Promise((resolve) => setTimeout(() => resolve("still waiting"), 10_000)),
      ]);
      expect(sealed).toBe(1);
    } finally {
      await leader.close();
    }
  });
});
