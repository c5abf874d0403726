/**
 * What a receiver gets: Slipway's JSON envelope as it is, or for chats (Slack, and the
 * many that accept its incoming-webhook format) one line of `{ "text": ... }`.
 */
import type { WebhookEnvelope } from "@/lib/audit/enqueue-webhook-deliveries";
import { WEBHOOK_EVENTS, type WebhookEventType } from "@/lib/audit/webhook-events";

type Data = Record<string, unknown>;

function summary(envelope: WebhookEnvelope): string {
  const data = (envelope.data ?? {}) as Data;
  const release = data.sequence !== undefined ? `${String(data.app)} ${String(data.image)} (release #${String(data.sequence)})` : "";
  const by = envelope.actor ? ` by ${envelope.actor.email}` : "";
  switch (envelope.type) {
    case "deploy.requested":
      return `deploy of ${release} requested${by}`;
    case "deploy.succeeded":
      return `deploy of ${release} succeeded`;
    case "deploy.failed":
      return `deploy of ${release} failed${data.error ? `: ${String(data.error)}` : ""}`;
    case "drift.detected":
      return `${String(data.app)} drifted: kubectl ${String(data.verb)} ${String(data.resource)}${data.name ? ` ${String(data.name)}` : ""}${by}`;
    case "access.requested":
      return `${String(data.email)} asks for ${String(data.role)}${data.hours ? ` for ${String(data.hours)} h` : ""}: ${String(data.reason)}`;
    case "access.granted":
      return `${String(data.email)} was granted ${String(data.role)}${data.until ? ` until ${String(data.until)}` : ""}${by}`;
    case "access.expired":
      return `${String(data.email)}'s ${String(data.role)} access expired${data.to ? ` (back to ${String(data.to)})` : ""}`;
    default:
      return `${WEBHOOK_EVENTS[envelope.type as WebhookEventType] ?? envelope.type}${by}`;
  }
}

export function webhookBody(format: "SLIPWAY" | "SLACK", envelope: WebhookEnvelope): string {
  if (format === "SLACK") return JSON.stringify({ text: `[${envelope.team.slug}] ${summary(envelope)}` });
  return JSON.stringify(envelope);
}
