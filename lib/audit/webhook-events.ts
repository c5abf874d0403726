/**
 * What a team can be told about, and which audit events tell it. Webhook deliveries are
 * enqueued where the audit event is written (lib/audit/record-audit-event.ts), so an
 * event type is announced exactly when it is recorded. Adding an event type: one line in
 * WEBHOOK_EVENTS, and one line in FROM_AUDIT naming the audit action that records it.
 */
import type { AuditAction, AuditPayloads } from "./audit-events";

export const WEBHOOK_EVENTS = {
  "deploy.requested": "Deploy requested",
  "deploy.succeeded": "Deploy succeeded",
  "deploy.failed": "Deploy failed",
  "drift.detected": "Drift detected (a kubectl change to an app)",
  "access.requested": "Access requested",
  "access.granted": "Access granted",
  "access.expired": "Access expired",
} as const;

export type WebhookEventType = keyof typeof WEBHOOK_EVENTS;
export const WEBHOOK_EVENT_TYPES = Object.keys(WEBHOOK_EVENTS) as [WebhookEventType, ...WebhookEventType[]];

type FromAudit = { [A in AuditAction]?: (data: AuditPayloads[A]) => WebhookEventType | null };

const FROM_AUDIT: FromAudit = {
  "deploy.request": () => "deploy.requested",
  "deploy.succeeded": () => "deploy.succeeded",
  "deploy.failed": () => "deploy.failed",
  // What the API server reports of a person's own kubectl write to an app's objects: the
  // live state no longer is what the release applied.
  "kubectl.write": (data) => (data.app ? "drift.detected" : null),
  "access.request": () => "access.requested",
  "access.approve": () => "access.granted",
  "membership.expire": () => "access.expired",
  "deploy.promote": () => "deploy.requested",
};

/** The webhook event an audit event announces, if any. */
export function webhookEventOf<A extends AuditAction>(action: A, data: AuditPayloads[A]): WebhookEventType | null {
  const map = FROM_AUDIT[action] as ((data: AuditPayloads[A]) => WebhookEventType | null) | undefined;
  return map ? map(data) : null;
}
