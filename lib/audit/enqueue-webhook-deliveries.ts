/**
 * The webhook outbox's only writer: called by recordAuditEvent, so a delivery commits
 * in the same transaction as the audit event it announces (and not at all if that rolls
 * back). It runs before the audit chain's lock is taken: the Webhook rows it reads and
 * references are domain rows, which come before the chain in the lock order. Sending is
 * lib/webhooks/deliver-webhooks.ts.
 */
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db";
import type { WebhookEventType } from "./webhook-events";

export type WebhookEnvelope = {
  id: string;
  type: WebhookEventType;
  occurredAt: string;
  team: { slug: string; name: string };
  actor: { email: string } | null;
  data: unknown;
};

export async function enqueueWebhookDeliveries(
  tx: Tx,
  event: { type: WebhookEventType; teamId: string; actorEmail: string | null; data: unknown },
): Promise<number> {
  const hooks = await tx.webhook.findMany({
    where: { teamId: event.teamId, active: true, events: { has: event.type } },
    select: { id: true, team: { select: { slug: true, name: true } } },
  });
  if (hooks.length === 0) return 0;
  const envelope: WebhookEnvelope = {
    id: randomUUID(),
    type: event.type,
    occurredAt: new Date().toISOString(),
    team: hooks[0]!.team,
    actor: event.actorEmail ? { email: event.actorEmail } : null,
    data: JSON.parse(JSON.stringify(event.data ?? {})),
  };
  const { count } = await tx.webhookDelivery.createMany({
    data: hooks.map((hook) => ({ webhookId: hook.id, eventId: envelope.id, eventType: event.type, payload: envelope as object })),
  });
  return count;
}
