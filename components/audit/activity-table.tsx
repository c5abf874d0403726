import { ActivityRows, type ActivityRow } from "./activity-rows";
import { describeAuditEvent, foldClusterIntents } from "@/lib/audit/describe-audit-event";
import type { AuditEventRow } from "@/lib/audit/query-audit-events";

/**
 * The record as it is kept, as one block of text: each of the page's 50 rows had 15
 * elements for it before (a list of the fields, then the data).
 */
function rawEvent(event: AuditEventRow): string {
  const { action, actorEmail, target, sourceIp, requestId, data } = event;
  const record = {
    action,
    actor: actorEmail ?? "Slipway",
    target: target ? `${target.type} ${target.id}` : undefined,
    from: sourceIp ?? undefined,
    request: requestId ?? undefined,
    data: data ?? {},
  };
  return JSON.stringify(record, null, 2);
}

/** Each event as a sentence with a link to what it is about; the raw record on demand. */
export function ActivityTable({ events, caption = "Audit events, newest first" }: { events: AuditEventRow[]; caption?: string }) {
  const rows = foldClusterIntents(events).map((event): ActivityRow => {
    const { text, link } = describeAuditEvent(event);
    return {
      id: String(event.id),
      at: event.createdAt.toISOString(),
      text,
      link: link ?? null,
      team: event.team ? { slug: event.team.slug, name: event.team.name } : null,
      json: rawEvent(event),
    };
  });
  return <ActivityRows rows={rows} caption={caption} />;
}
