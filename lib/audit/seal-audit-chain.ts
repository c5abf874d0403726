/**
 * The sealer: links committed audit events into the hash chain. Writers only INSERT
 * (./record-audit-event.ts); this gives each unsealed event, in id order, its place in
 * the chain (`seq`, one past the head), `prevHash` (the head's hash) and `hash` (over
 * its stored content, ./hash.ts). One sealer at a time, across replicas: the passes
 * take a transaction-scoped advisory lock, so a second caller waits and then seals
 * whatever is left. The transaction does database work only, a batch at a time.
 *
 * An event whose transaction commits after a later id was sealed is sealed in the next
 * pass, after it: the chain's order is the order events were sealed in, which `seq`
 * records. The leader runs a pass every second (lib/platform-engine.ts); verifying and
 * anchoring run one first, so they cover every committed event.
 *
 * The table's trigger lets an UPDATE seal an unsealed row once and change nothing else
 * (migration 20261207100000_audit_chain_sealer).
 */
import type { Db } from "@/lib/db";
import { auditContentOf, auditHash, GENESIS_HASH } from "./hash";

// Distinct from every other advisory key (the leader lock is 7_235_105_900_002).
const SEALER_LOCK = 7_235_105_900_003n;
const BATCH = 500;

/** Seals every event committed before the call; returns how many it sealed. */
export async function sealAuditChain(db: Db): Promise<number> {
  // The leader calls this every second: when nothing waits (one probe of the partial
  // index on unsealed rows), it opens no transaction and takes no lock.
  if (!(await db.auditEvent.findFirst({ where: { seq: null }, select: { id: true } }))) return 0;
  let sealed = 0;
  for (;;) {
    const count = await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT pg_advisory_xact_lock(${SEALER_LOCK})::text`;
      const rows = await tx.auditEvent.findMany({ where: { seq: null }, orderBy: { id: "asc" }, take: BATCH });
      if (rows.length === 0) return 0;
      const head = await tx.auditEvent.findFirst({
        where: { seq: { not: null } },
        orderBy: { seq: "desc" },
        select: { seq: true, hash: true },
      });
      let seq = head?.seq ?? 0n;
      let prevHash = head?.hash ?? GENESIS_HASH;
      const ids: string[] = [];
      const seqs: string[] = [];
      const prevHashes: string[] = [];
      const hashes: string[] = [];
      for (const row of rows) {
        const { id, seq: _seq, prevHash: _prev, hash: _hash, ...stored } = row;
        const hash = auditHash(prevHash, auditContentOf(stored));
        seq += 1n;
        ids.push(String(id));
        seqs.push(String(seq));
        prevHashes.push(prevHash);
        hashes.push(hash);
        prevHash = hash;
      }
      await tx.$executeRaw`
        UPDATE "AuditEvent" e SET seq = v.seq, "prevHash" = v.prev, hash = v.hash
        FROM unnest(${ids}::bigint[], ${seqs}::bigint[], ${prevHashes}::text[], ${hashes}::text[]) AS v(id, seq, prev, hash)
        WHERE e.id = v.id`;
      return rows.length;
    });
    sealed += count;
    if (count < BATCH) return sealed;
  }
}
