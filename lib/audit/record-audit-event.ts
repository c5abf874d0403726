/**
 * The one way to append to the audit chain. Each row links to the row committed just
 * before it, so appends are serialised by one transaction-scoped advisory lock, held
 * from the read of the chain's head until the caller's COMMIT; taking it and reading
 * the head is one database call. Two rules keep that lock short and free of deadlocks:
 * - call this LAST in the transaction (nothing but COMMIT after it), so the lock is
 *   held for the insert and the commit only, and a transaction holding it never
 *   waits for another lock;
 * - the rows the event references (Team, User) are locked FOR KEY SHARE *before* the
 *   chain lock, so the insert's foreign-key checks cannot wait, under the chain lock,
 *   for a transaction that holds the Team or User row and waits for the chain lock
 *   (the member-removal deadlock). Lock order everywhere: domain rows, then the chain.
 */
import type { Tx } from "@/lib/db";
import type { AuditAction, AuditPayloads, AuditTarget } from "./audit-events";
import { enqueueWebhookDeliveries } from "./enqueue-webhook-deliveries";
import { auditHash, GENESIS_HASH, type AuditContent } from "./hash";
import { webhookEventOf } from "./webhook-events";

const AUDIT_CHAIN_LOCK = 7_235_105_900_001n;

export type AuditActor = { id: string; email: string } | null;

export type RecordAuditEventOptions<A extends AuditAction> = {
  tx: Tx;
  actor: AuditActor;
  action: A;
  teamId?: string | null;
  target?: AuditTarget;
  data: AuditPayloads[A];
  request?: { id?: string; ip?: string };
  /** The door it came through (the actor's `via`, or "kubectl" for the audit webhook). */
  via?: string;
  /** The API server's auditID, for events from its audit webhook (unique). */
  clusterAuditId?: string;
};

/**
 * Appends one event inside the caller's transaction, so it commits with the change it
 * records. Use-cases call recordTeamEvent/recordActorEvent (./audit-events.ts).
 */
export async function recordAuditEvent<A extends AuditAction>(options: RecordAuditEventOptions<A>) {
  const { tx } = options;
  const teamId = options.teamId ?? null;
  // The team's webhooks hear of it in this transaction (the outbox), before the chain lock.
  const webhookEvent = teamId ? webhookEventOf(options.action, options.data) : null;
  if (webhookEvent) {
    await enqueueWebhookDeliveries(tx, {
      type: webhookEvent,
      teamId: teamId!,
      actorEmail: options.actor?.email ?? null,
      data: options.data,
    });
  }
  // Key-share locks on the referenced rows, the chain lock, then the head read with a
  // snapshot taken after the lock is granted: one round trip (the migration
  // 20261206126000_round_trip_functions), so the lock is held for the insert and COMMIT only.
  const [last] = await tx.$queryRaw<{ hash: string; createdAt: Date }[]>`
    SELECT hash, "createdAt" FROM slipway_lock_audit_chain(${teamId}::uuid, ${options.actor?.id ?? null}::uuid, ${AUDIT_CHAIN_LOCK})`;
  const prevHash = last?.hash ?? GENESIS_HASH;
  // Time never runs backwards along the chain (clock steps, replicas with skew), so ids
  // and times order events the same way and a time range is an id range.
  const now = new Date();
  const createdAt = last && last.createdAt > now ? last.createdAt : now;

  const content: AuditContent = {
    createdAt,
    actorId: options.actor?.id ?? null,
    actorEmail: options.actor?.email ?? null,
    teamId: options.teamId ?? null,
    action: options.action,
    targetType: options.target?.type ?? null,
    targetId: options.target?.id ?? null,
    // what JSONB will give back, so the hash survives the round trip
    data: JSON.parse(JSON.stringify(options.data ?? {})),
    requestId: options.request?.id ?? null,
    sourceIp: options.request?.ip ?? null,
    ...(options.via ? { via: options.via } : {}),
    ...(options.clusterAuditId ? { clusterAuditId: options.clusterAuditId } : {}),
  };
  return tx.auditEvent.create({
    data: { ...content, data: content.data as object, prevHash, hash: auditHash(prevHash, content) },
  });
}
