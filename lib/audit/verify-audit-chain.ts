import type { Db } from "@/lib/db";
import { auditHash, GENESIS_HASH } from "./hash";

export type ChainVerdict = { ok: true; checked: number } | { ok: false; checked: number; brokenAt: bigint; reason: string };

const BATCH = 1000;

/** Walks the whole chain in id order and reports the first row that does not fit. */
export async function verifyAuditChain(options: { db: Db }): Promise<ChainVerdict> {
  let prevHash = GENESIS_HASH;
  let afterId = 0n;
  let checked = 0;
  for (;;) {
    const rows = await options.db.auditEvent.findMany({
      where: { id: { gt: afterId } },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    for (const row of rows) {
      if (row.prevHash !== prevHash) {
        return { ok: false, checked, brokenAt: row.id, reason: "does not link to the row before it (a row was removed or reordered)" };
      }
      const { id: _id, prevHash: _prev, hash, via, clusterAuditId, ...rest } = row;
      // Columns added later are hashed only when set (recordAuditEvent), so older rows still verify.
      const content = { ...rest, ...(via !== null ? { via } : {}), ...(clusterAuditId !== null ? { clusterAuditId } : {}) };
      if (auditHash(prevHash, content) !== hash) {
        return { ok: false, checked, brokenAt: row.id, reason: "its content does not match its hash (the row was altered)" };
      }
      prevHash = hash;
      checked += 1;
    }
    if (rows.length < BATCH) return { ok: true, checked };
    afterId = rows[rows.length - 1]!.id;
  }
}
