/**
 * Issue 11, hole 4: the hash chain alone does not stop the database's owner, who can
 * switch the append-only trigger off, edit a row and re-hash everything after it, or
 * delete the newest rows; the chain then verifies. Signed anchors kept outside the
 * database catch both.
 */
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { auditContentOf, auditHash, GENESIS_HASH } from "@/lib/audit/hash";
import { sealAuditChain } from "@/lib/audit/seal-audit-chain";
import { signAnchor } from "@/lib/audit/anchor/anchor";
import { anchorAuditHead } from "@/lib/audit/anchor/anchor-audit-head";
import { anchorAuditHeadNow } from "@/lib/audit/anchor/anchor-now";
import { fileAnchorStore, type AnchorStore } from "@/lib/audit/anchor/stores";
import { checkAuditChain } from "@/lib/audit/check-audit-chain";
import { authorizeUser } from "@/lib/authz/authorize";
import { db } from "@/lib/db";

const KEY = "k".repeat(40);
let actor: { id: string; email: string; name: string | null; isPlatformAdmin: boolean };
let store: AnchorStore;
let dir = "";

beforeAll(async () => {
  actor = await db().user.create({ data: { email: "owner@example.com" } });
  dir = await mkdtemp(path.join(os.tmpdir(), "slipway-anchors-"));
});

beforeEach(async () => {
  await asOwner(`TRUNCATE "AuditEvent"`);
  store = fileAnchorStore(path.join(dir, `${Math.random().toString(36).slice(2)}.jsonl`));
});

/** What the database's owner can do: triggers off for the statement. */
async function asOwner(statement: string) {
  await db().$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
    await tx.$executeRawUnsafe(statement);
  });
}

async function appendEvents(count: number) {
  for (let i = 0; i < count; i++) {
    await db().$transaction((tx) =>
      recordAuditEvent({
        tx,
        actor,
        action: "team.create",
        target: { type: "team", id: `t${i}` },
        data: { name: `T${i}`, namespace: `team-t${i}` },
      }),
    );
  }
  await sealAuditChain(db());
  return (await db().auditEvent.findMany({ orderBy: { seq: "asc" } })).map((row) => ({ ...row, hash: row.hash! }));
}

/** Edits one row and re-hashes it and every row after it, so the chain holds again. */
async function editAndRehash(id: bigint, actorEmail: string) {
  await asOwner(`UPDATE "AuditEvent" SET "actorEmail" = '${actorEmail}' WHERE id = ${id}`);
  const rows = await db().auditEvent.findMany({ orderBy: { seq: "asc" } });
  let prevHash = GENESIS_HASH;
  for (const row of rows) {
    const { id: rowId, seq: _s, prevHash: _p, hash: _h, ...stored } = row;
    const hash = auditHash(prevHash, auditContentOf(stored));
    await asOwner(`UPDATE "AuditEvent" SET "prevHash" = '${prevHash}', "hash" = '${hash}' WHERE id = ${rowId}`);
    prevHash = hash;
  }
}

const verify = async () => verifyAuditChain({ db: db(), anchors: await store.read(), key: KEY });

describe("[audit] anchors outside the database", () => {
  it("an edit re-hashed from there on passes the chain but not the anchors", async () => {
    const rows = await appendEvents(5);
    expect(await anchorAuditHead({ db: db(), store, key: KEY })).toEqual({ anchored: rows[4]!.id });
    await appendEvents(2);
    expect(await verify()).toEqual({ ok: true, checked: 7, anchors: 1 });

    await editAndRehash(rows[2]!.id, "someone-else@example.com");
    expect(await verifyAuditChain({ db: db() })).toMatchObject({ ok: true });
    const verdict = await verify();
    expect(verdict).toMatchObject({ ok: false, brokenAt: rows[4]!.id });
    expect(verdict.ok || verdict.reason).toMatch(/rewritten and re-hashed/);
  });

  it("deleting the newest rows passes the chain but not the anchors", async () => {
    const rows = await appendEvents(6);
    await anchorAuditHead({ db: db(), store, key: KEY });
    await asOwner(`DELETE FROM "AuditEvent" WHERE id >= ${rows[3]!.id}`);
    expect(await verifyAuditChain({ db: db() })).toMatchObject({ ok: true, checked: 3 });
    const verdict = await verify();
    expect(verdict).toMatchObject({ ok: false, brokenAt: rows[5]!.id });
    expect(verdict.ok || verdict.reason).toMatch(/newest rows were deleted/);
  });

  it("an anchor signed with another key is reported, and a head that did not move is not anchored twice", async () => {
    const rows = await appendEvents(2);
    await anchorAuditHead({ db: db(), store, key: KEY });
    expect(await anchorAuditHead({ db: db(), store, key: KEY })).toEqual({ anchored: null });
    await store.append(signAnchor("x".repeat(40), rows[1]!));
    expect(await verify()).toMatchObject({ ok: false, reason: expect.stringMatching(/signature does not hold/) });
  });

  it("the verify operation checks against the configured store, which the leader fills", async () => {
    Object.assign(env, { SLIPWAY_AUDIT_ANCHOR_STORE: "file", SLIPWAY_AUDIT_ANCHOR_FILE: path.join(dir, "configured.jsonl") });
    const rows = await appendEvents(3);
    await anchorAuditHeadNow();
    const ctx = authorizeUser({ actor: { ...actor, via: "session" } });
    expect(await checkAuditChain.run({ ctx, input: {} })).toEqual({ ok: true, checked: 3, anchors: 1 });
    await asOwner(`DELETE FROM "AuditEvent" WHERE id = ${rows[2]!.id}`);
    expect(await checkAuditChain.run({ ctx, input: {} })).toMatchObject({ ok: false, brokenAt: String(rows[2]!.id) });
  });
});
