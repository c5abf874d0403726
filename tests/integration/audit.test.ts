import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { GENESIS_HASH } from "@/lib/audit/hash";
import { sealAuditChain } from "@/lib/audit/seal-audit-chain";
import { openTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;
let actor: { id: string; email: string };

beforeAll(async () => {
  t = await openTestDb();
  actor = await t.prisma.user.create({ data: { email: "lead@example.com", name: "Lead" } });
});
afterAll(() => t.close());

async function appendEvents(count: number) {
  for (let i = 0; i < count; i++) {
    await t.prisma.$transaction((tx) =>
      recordAuditEvent({
        tx,
        actor,
        action: "team.create",
        target: { type: "team", id: `t${i}` },
        data: { i, nested: { b: 1, a: [1, "x"] } } as never,
      }),
    );
  }
}

/** Runs `fn` with triggers off, as someone with superuser access to the database could. */
async function asTamperer(statement: string) {
  await t.sql.exec(`BEGIN; SET LOCAL session_replication_role = replica; ${statement}; COMMIT;`);
}

describe("[audit] append-only hash chain", () => {
  it("appends without a lock, and the sealer links each event to the one before it", async () => {
    await appendEvents(3);
    const unsealed = await t.prisma.auditEvent.findMany({ orderBy: { id: "asc" } });
    expect(unsealed.map((event) => [event.seq, event.hash])).toEqual([
      [null, null],
      [null, null],
      [null, null],
    ]);
    expect(await sealAuditChain(t.prisma)).toBe(3);
    expect(await sealAuditChain(t.prisma)).toBe(0);
    const events = await t.prisma.auditEvent.findMany({ orderBy: { seq: "asc" } });
    expect(events.map((event) => event.id)).toEqual(unsealed.map((event) => event.id));
    expect(events[0]!.prevHash).toBe(GENESIS_HASH);
    expect(events[1]!.prevHash).toBe(events[0]!.hash);
    expect(events[2]!.prevHash).toBe(events[1]!.hash);
    expect(events[0]).toMatchObject({ actorId: actor.id, actorEmail: actor.email, action: "team.create" });
    expect(await verifyAuditChain({ db: t.prisma })).toEqual({ ok: true, checked: 3, anchors: 0 });
  });

  it("rejects UPDATE, DELETE and TRUNCATE in the database itself", async () => {
    await expect(t.sql.exec(`UPDATE "AuditEvent" SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.sql.exec(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    await expect(t.sql.exec(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    await expect(t.prisma.auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
    expect(await t.prisma.auditEvent.count()).toBe(3);
  });

  it("lets an update seal an unsealed row once and change nothing else; an insert cannot come sealed", async () => {
    const sealed = await t.prisma.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
    await expect(t.sql.exec(`UPDATE "AuditEvent" SET hash = repeat('b', 64) WHERE id = ${sealed.id}`)).rejects.toThrow(/append-only/);
    await expect(
      t.sql.exec(
        `INSERT INTO "AuditEvent" ("createdAt", action, seq, "prevHash", hash) VALUES (now(), 'x', 99, '${sealed.hash}', repeat('c', 64))`,
      ),
    ).rejects.toThrow(/inserted unsealed/);
    const pending = await t.prisma.$transaction((tx) =>
      recordAuditEvent({ tx, actor: null, action: "team.create", data: { pending: true } as never }),
    );
    const seal = `seq = 99, "prevHash" = '${sealed.hash}', hash = repeat('d', 64)`;
    await expect(t.sql.exec(`UPDATE "AuditEvent" SET ${seal}, action = 'team.delete' WHERE id = ${pending.id}`)).rejects.toThrow(
      /append-only/,
    );
    await expect(t.sql.exec(`UPDATE "AuditEvent" SET ${seal}, data = '{}' WHERE id = ${pending.id}`)).rejects.toThrow(/append-only/);
    expect(await t.prisma.auditEvent.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({ seq: null, action: "team.create" });
    expect(await verifyAuditChain({ db: t.prisma })).toEqual({ ok: true, checked: 4, anchors: 0 });
  });

  it("keeps the chain intact under concurrent appends", async () => {
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        t.prisma.$transaction((tx) => recordAuditEvent({ tx, actor: null, action: "team.create", data: { i } as never })),
      ),
    );
    expect(await verifyAuditChain({ db: t.prisma })).toEqual({ ok: true, checked: 12, anchors: 0 });
  });

  it("never lets time run backwards along ids, even when the clock does", async () => {
    const last = await t.prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    const before = (await verifyAuditChain({ db: t.prisma })).checked;
    vi.useFakeTimers({ toFake: ["Date"], now: last.createdAt.getTime() - 3_600_000 });
    try {
      await t.prisma.$transaction((tx) =>
        recordAuditEvent({ tx, actor: null, action: "team.create", data: { clock: "an hour behind" } as never }),
      );
    } finally {
      vi.useRealTimers();
    }
    const newest = await t.prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(newest.createdAt.getTime()).toBe(last.createdAt.getTime());
    expect(await verifyAuditChain({ db: t.prisma })).toEqual({ ok: true, checked: before + 1, anchors: 0 });
  });

  it("finds an altered row", async () => {
    const events = await t.prisma.auditEvent.findMany({ orderBy: { id: "asc" }, select: { id: true } });
    const victim = events[4]!.id;
    await asTamperer(`UPDATE "AuditEvent" SET "actorEmail" = 'someone-else@example.com' WHERE id = ${victim}`);

    const verdict = await verifyAuditChain({ db: t.prisma });
    expect(verdict).toMatchObject({ ok: false, brokenAt: victim, checked: 4 });
    expect(verdict.ok || verdict.reason).toMatch(/altered/);
  });

  it("finds a removed row", async () => {
    const events = await t.prisma.auditEvent.findMany({ orderBy: { id: "asc" }, select: { id: true } });
    // Undo the previous tampering by deleting that row instead: the next one no longer links.
    await asTamperer(`DELETE FROM "AuditEvent" WHERE id = ${events[4]!.id}`);

    const verdict = await verifyAuditChain({ db: t.prisma });
    expect(verdict).toMatchObject({ ok: false, brokenAt: events[5]!.id, checked: 4 });
    expect(verdict.ok || verdict.reason).toMatch(/does not link/);
  });
});
