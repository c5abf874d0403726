import type { Db } from "@/lib/db";
import { anchorSignatureHolds, type Anchor } from "./anchor/anchor";
import { auditContentOf, auditHash, GENESIS_HASH } from "./hash";

export type ChainVerdict =
  { ok: true; checked: number; anchors: number } | { ok: false; checked: number; anchors: number; brokenAt: bigint; reason: string };

const BATCH = 1000;

/**
 * Walks the whole chain in id order and reports the first row that does not fit: one
 * that does not link to the row before it, or whose content does not match its hash.
 * That catches an edit or a deletion by anyone who cannot re-hash. The anchors (signed
 * heads kept outside the database, ./anchor) catch those who can: an anchored row whose
 * hash changed (an edit re-hashed from there on) or that is gone (a deleted tail).
 * Anchors whose signature does not hold are reported too: they were forged or altered.
 */
export async function verifyAuditChain(options: { db: Db; anchors?: readonly Anchor[]; key?: string }): Promise<ChainVerdict> {
  const anchors = options.anchors ?? [];
  const byId = new Map<bigint, Anchor>();
  for (const anchor of anchors) {
    if (!options.key || !anchorSignatureHolds(options.key, anchor) || !/^\d+$/.test(anchor.id)) {
      return {
        ok: false,
        checked: 0,
        anchors: anchors.length,
        brokenAt: safeId(anchor.id),
        reason: "an anchor's signature does not hold (anchors were forged or altered)",
      };
    }
    byId.set(BigInt(anchor.id), anchor);
  }
  const pending = [...byId.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let next = 0;
  let prevHash = GENESIS_HASH;
  let afterId = 0n;
  let checked = 0;
  const broken = (brokenAt: bigint, reason: string): ChainVerdict => ({ ok: false, checked, anchors: anchors.length, brokenAt, reason });
  for (;;) {
    const rows = await options.db.auditEvent.findMany({ where: { id: { gt: afterId } }, orderBy: { id: "asc" }, take: BATCH });
    for (const row of rows) {
      if (next < pending.length && pending[next]! < row.id)
        return broken(pending[next]!, "an anchored event is missing (rows were deleted)");
      if (row.prevHash !== prevHash) return broken(row.id, "does not link to the row before it (a row was removed or reordered)");
      const { id: _id, prevHash: _prev, hash, ...stored } = row;
      if (auditHash(prevHash, auditContentOf(stored)) !== hash)
        return broken(row.id, "its content does not match its hash (the row was altered)");
      if (pending[next] === row.id) {
        const anchor = byId.get(row.id)!;
        if (anchor.hash !== hash)
          return broken(row.id, `its hash differs from the one anchored at ${anchor.at} (the chain was rewritten and re-hashed)`);
        next += 1;
      }
      prevHash = hash;
      checked += 1;
    }
    if (rows.length < BATCH) break;
    afterId = rows[rows.length - 1]!.id;
  }
  if (next < pending.length) return broken(pending[next]!, "an anchored event is missing (the newest rows were deleted)");
  return { ok: true, checked, anchors: anchors.length };
}

function safeId(id: unknown): bigint {
  return typeof id === "string" && /^\d+$/.test(id) ? BigInt(id) : 0n;
}
