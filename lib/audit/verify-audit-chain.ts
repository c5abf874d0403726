import type { Db } from "@/lib/db";
import { anchorSignatureHolds, type Anchor } from "./anchor/anchor";
import { auditContentOf, auditHash, GENESIS_HASH } from "./hash";
import { sealAuditChain } from "./seal-audit-chain";

export type ChainVerdict =
  { ok: true; checked: number; anchors: number } | { ok: false; checked: number; anchors: number; brokenAt: bigint; reason: string };

const BATCH = 1000;

/**
 * Seals what has committed (./seal-audit-chain.ts), then walks the whole chain in its
 * order (seq) and reports the first row that does not fit: one that does not link to
 * the row before it, or whose content does not match its hash. That catches an edit or
 * a deletion by anyone who cannot re-hash. The anchors (signed heads kept outside the
 * database, ./anchor) catch those who can: an anchored row whose hash changed (an edit
 * re-hashed from there on) or that is gone (a deleted tail). Anchors whose signature
 * does not hold are reported too: they were forged or altered. `brokenAt` is a row id.
 */
export async function verifyAuditChain(options: { db: Db; anchors?: readonly Anchor[]; key?: string }): Promise<ChainVerdict> {
  const anchors = options.anchors ?? [];
  // anchor's row id -> its index in the store (anchors are appended oldest first)
  const anchored = new Map<bigint, number>();
  for (const [index, anchor] of anchors.entries()) {
    if (!options.key || !anchorSignatureHolds(options.key, anchor) || !/^\d+$/.test(anchor.id)) {
      return {
        ok: false,
        checked: 0,
        anchors: anchors.length,
        brokenAt: safeId(anchor.id),
        reason: "an anchor's signature does not hold (anchors were forged or altered)",
      };
    }
    anchored.set(BigInt(anchor.id), index);
  }
  await sealAuditChain(options.db);
  let newestSeen = -1;
  let prevHash = GENESIS_HASH;
  let afterSeq = -1n;
  let checked = 0;
  const broken = (brokenAt: bigint, reason: string): ChainVerdict => ({ ok: false, checked, anchors: anchors.length, brokenAt, reason });
  for (;;) {
    const rows = await options.db.auditEvent.findMany({ where: { seq: { gt: afterSeq } }, orderBy: { seq: "asc" }, take: BATCH });
    for (const row of rows) {
      if (row.prevHash !== prevHash) return broken(row.id, "does not link to the row before it (a row was removed or reordered)");
      const { id: _id, seq: _seq, prevHash: _prev, hash, ...stored } = row;
      if (auditHash(prevHash, auditContentOf(stored)) !== hash)
        return broken(row.id, "its content does not match its hash (the row was altered)");
      const index = anchored.get(row.id);
      if (index !== undefined) {
        const anchor = anchors[index]!;
        if (anchor.hash !== hash)
          return broken(row.id, `its hash differs from the one anchored at ${anchor.at} (the chain was rewritten and re-hashed)`);
        anchored.delete(row.id);
        newestSeen = Math.max(newestSeen, index);
      }
      prevHash = hash!;
      checked += 1;
    }
    if (rows.length < BATCH) break;
    afterSeq = rows[rows.length - 1]!.seq!;
  }
  // Anchored rows the walk did not meet were deleted: the newest ones if no later anchor was met.
  const missing = [...anchored].sort(([, a], [, b]) => a - b)[0];
  if (missing) {
    const [id, index] = missing;
    return broken(
      id,
      index > newestSeen
        ? "an anchored event is missing (the newest rows were deleted)"
        : "an anchored event is missing (rows were deleted)",
    );
  }
  return { ok: true, checked, anchors: anchors.length };
}

function safeId(id: unknown): bigint {
  return typeof id === "string" && /^\d+$/.test(id) ? BigInt(id) : 0n;
}
