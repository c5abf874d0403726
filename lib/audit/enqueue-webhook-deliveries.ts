/**
 * The webhook outbox's only writer: recordAuditEvent puts this INSERT into the same
 * statement as the audit event it announces, so a delivery commits with the event (and
 * not at all if that rolls back), and an event costs one round trip whether or not the
 * team has webhooks. Sending is lib/webhooks/deliver-webhooks.ts.
 */
import { randomUUID } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import type { WebhookEventType } from "./webhook-events";

export type WebhookEnvelope = {
  id: string;
  type: WebhookEventType;
  occurredAt: string;
  team: { slug: string; name: string };
  actor: { email: string } | null;
  data: unknown;
};

/**
 * One delivery of the event per active webhook of the team that listens for its type.
 * `computed`: a jsonb expression of the enclosing statement merged into the data.
 */
export function webhookDeliveriesInsert(
  event: { type: WebhookEventType; teamId: string; actorEmail: string | null; data: unknown },
  computed?: Prisma.Sql,
): Prisma.Sql {
  const data = Prisma.sql`${JSON.stringify(event.data ?? {})}::jsonb`;
  return webhookDeliveriesInsertFrom(
    event.type,
    Prisma.sql`(SELECT ${event.teamId}::uuid AS "teamId", ${event.actorEmail}::text AS "actorEmail",
      ${computed ? Prisma.sql`${data} || ${computed}` : data} AS data)`,
  );
}

/**
 * The same for an event that only the enclosing statement knows (lib/deploys/finish-release.ts):
 * `source` is a relation whose rows have "teamId", "actorEmail" and data (jsonb); one
 * delivery per row and listening webhook.
 */
export function webhookDeliveriesInsertFrom(type: WebhookEventType, source: Prisma.Sql): Prisma.Sql {
  const envelope = { id: randomUUID(), occurredAt: new Date().toISOString() };
  return Prisma.sql`
    INSERT INTO "WebhookDelivery" ("webhookId", "eventId", "eventType", payload)
    SELECT w.id, ${envelope.id}::uuid, ${type},
           jsonb_build_object('id', ${envelope.id}::text, 'type', ${type}::text, 'occurredAt', ${envelope.occurredAt}::text,
             'actor', CASE WHEN s."actorEmail" IS NULL THEN NULL ELSE jsonb_build_object('email', s."actorEmail") END,
             'team', jsonb_build_object('slug', t.slug, 'name', t.name), 'data', s.data)
    FROM ${source} s JOIN "Webhook" w ON w."teamId" = s."teamId" JOIN "Team" t ON t.id = w."teamId"
    WHERE w.active AND ${type} = ANY (w.events)`;
}
