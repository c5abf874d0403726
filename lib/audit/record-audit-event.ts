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

/** An event to append: recordAuditEvent writes one, auditEventsSql puts several into a larger statement. */
export type NewAuditEvent<A extends AuditAction = AuditAction> = {
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

export type RecordAuditEventOptions<A extends AuditAction> = NewAuditEvent<A> & { tx: Tx };

/**
 * Appends one event inside the caller's transaction, so it commits with the change it
 * records, with its webhook deliveries, in one statement. Use-cases call
 * recordTeamEvent/recordActorEvent (./audit-events.ts).
 */
export async function recordAuditEvent<A extends AuditAction>(options: RecordAuditEventOptions<A>): Promise<{ id: bigint }> {
  const { outboxes, insert } = auditEventsSql([options]);
  const statement = outboxes.length > 0 ? Prisma.sql`WITH ${Prisma.join(outboxes)} ${insert}` : insert;
  const [row] = await options.tx.$queryRaw<{ id: bigint }[]>(statement);
  return row!;
}

/**
 * Events as parts of a larger statement, for a write that records itself in the same
 * round trip (lib/deploys/request-release.ts): one INSERT, its rows in the given order
 * (so are their ids), RETURNING id; and for each event that a team's webhooks may hear
 * of, a named CTE (`outbox0 AS (...)`, ...) that enqueues its deliveries. `computed` is
 * a jsonb expression of the statement merged into every event's data and webhook
 * payload, for what only the statement knows (a release's sequence number).
 */
export function auditEventsSql(events: NewAuditEvent[], computed?: Prisma.Sql): { outboxes: Prisma.Sql[]; insert: Prisma.Sql } {
  const dataOf = (data: unknown) =>
    computed ? Prisma.sql`(${JSON.stringify(data ?? {})}::jsonb || ${computed})` : Prisma.sql`${JSON.stringify(data ?? {})}::jsonb`;
  // The insert trigger moves createdAt up to the newest committed event's time if the clock is behind.
  const row = (event: NewAuditEvent) => Prisma.sql`(${new Date()}::timestamptz, ${event.actor?.id ?? null}::uuid,
      ${event.actor?.email ?? null}, ${event.teamId ?? null}::uuid, ${event.action}, ${event.target?.type ?? null},
      ${event.target?.id ?? null}, ${dataOf(event.data)}, ${event.request?.id ?? null}, ${event.request?.ip ?? null},
      ${event.via || null}, ${event.clusterAuditId || null})`;
  const insert = Prisma.sql`
    INSERT INTO "AuditEvent" ("createdAt", "actorId", "actorEmail", "teamId", action, "targetType", "targetId", data, "requestId", "sourceIp", via, "clusterAuditId")
    VALUES ${Prisma.join(events.map(row))}
    RETURNING id`;
  // The team's webhooks hear of it in the same statement (the outbox).
  const outboxes = events.flatMap((event, index) => {
    const type = event.teamId ? webhookEventOf(event.action, event.data) : null;
    if (!type || !event.teamId) return [];
    const deliveries = webhookDeliveriesInsert(
      { type, teamId: event.teamId, actorEmail: event.actor?.email ?? null, data: event.data },
      computed,
    );
    return [Prisma.sql`${Prisma.raw(`outbox${index}`)} AS (${deliveries})`];
  });
  return { outboxes, insert };
}
