/**
 * The one way to append to the audit log: an INSERT in the caller's transaction, so the
 * event commits with the change it records (or not at all). No lock and no read of the
 * chain's head: audited writes do not wait for each other. The event joins the hash
 * chain moments after it commits, when the sealer (./seal-audit-chain.ts) gives it its
 * place, prevHash and hash.
 */
import type { Tx } from "@/lib/db";
import type { AuditAction, AuditPayloads, AuditTarget } from "./audit-events";
import { enqueueWebhookDeliveries } from "./enqueue-webhook-deliveries";
import type { AuditContent } from "./hash";
import { webhookEventOf } from "./webhook-events";

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
  // The team's webhooks hear of it in this transaction (the outbox).
  const webhookEvent = teamId ? webhookEventOf(options.action, options.data) : null;
  if (webhookEvent) {
    await enqueueWebhookDeliveries(tx, {
      type: webhookEvent,
      teamId: teamId!,
      actorEmail: options.actor?.email ?? null,
      data: options.data,
    });
  }
  // The insert trigger moves it up to the newest committed event's time if the clock is behind.
  const createdAt = new Date();
  const content: AuditContent = {
    createdAt,
    actorId: options.actor?.id ?? null,
    actorEmail: options.actor?.email ?? null,
    teamId: options.teamId ?? null,
    action: options.action,
    targetType: options.target?.type ?? null,
    targetId: options.target?.id ?? null,
    // plain JSON, as JSONB will give it back to the sealer
    data: JSON.parse(JSON.stringify(options.data ?? {})),
    requestId: options.request?.id ?? null,
    sourceIp: options.request?.ip ?? null,
    ...(options.via ? { via: options.via } : {}),
    ...(options.clusterAuditId ? { clusterAuditId: options.clusterAuditId } : {}),
  };
  return tx.auditEvent.create({ data: { ...content, data: content.data as object } });
}
