/**
 * The one way to append to the audit log: an INSERT in the caller's transaction, so the
 * event commits with the change it records (or not at all). No lock and no read of the
 * chain's head: audited writes do not wait for each other. The event joins the hash
 * chain moments after it commits, when the sealer (./seal-audit-chain.ts) gives it its
 * place, prevHash and hash.
 */
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AuditAction, AuditPayloads, AuditTarget } from "./audit-events";
import { webhookDeliveriesInsert } from "./enqueue-webhook-deliveries";
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
 * records, with its webhook deliveries, in one statement. Use-cases call
 * recordTeamEvent/recordActorEvent (./audit-events.ts).
 */
export async function recordAuditEvent<A extends AuditAction>(options: RecordAuditEventOptions<A>): Promise<{ id: bigint }> {
  const teamId = options.teamId ?? null;
  const data = options.data ?? {};
  // The insert trigger moves createdAt up to the newest committed event's time if the clock is behind.
  const insert = Prisma.sql`
    INSERT INTO "AuditEvent" ("createdAt", "actorId", "actorEmail", "teamId", action, "targetType", "targetId", data, "requestId", "sourceIp", via, "clusterAuditId")
    VALUES (${new Date()}::timestamptz, ${options.actor?.id ?? null}::uuid, ${options.actor?.email ?? null}, ${teamId}::uuid, ${options.action},
            ${options.target?.type ?? null}, ${options.target?.id ?? null}, ${JSON.stringify(data)}::jsonb, ${options.request?.id ?? null},
            ${options.request?.ip ?? null}, ${options.via || null}, ${options.clusterAuditId || null})
    RETURNING id`;
  // The team's webhooks hear of it in the same statement (the outbox).
  const webhookEvent = teamId ? webhookEventOf(options.action, options.data) : null;
  const statement = webhookEvent
    ? Prisma.sql`WITH outbox AS (${webhookDeliveriesInsert({ type: webhookEvent, teamId: teamId!, actorEmail: options.actor?.email ?? null, data })}) ${insert}`
    : insert;
  const [row] = await options.tx.$queryRaw<{ id: bigint }[]>(statement);
  return row!;
}
