import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { RawEvent } from "./raw-event";
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
  return (
    <ScrollRegion label="Activity table">
      <DataTable dense caption={caption} columns={["When (UTC)", "What happened", "Team"]}>
        {foldClusterIntents(events).map((event) => {
          const { text, link } = describeAuditEvent(event);
          return (
            <tr key={String(event.id)} className="border-t border-slate-100 align-top" data-testid="activity-row">
              <td className="px-3 py-2 text-xs whitespace-nowrap">
                <time dateTime={event.createdAt.toISOString()}>{event.createdAt.toISOString().slice(0, 19).replace("T", " ")}</time>
                <div className="text-slate-500">#{String(event.id)}</div>
              </td>
              <td className="px-3 py-2">
                <p data-testid="activity-sentence">
                  {text}
                  {link && (
                    <>
                      {" · "}
                      <Link href={link.href} className="text-blue-700 underline">
                        {link.label}
                      </Link>
                    </>
                  )}
                </p>
                <RawEvent json={rawEvent(event)} />
              </td>
              <td className="px-3 py-2">
                {event.team ? (
                  <Link href={`/teams/${event.team.slug}`} className="text-blue-700 underline">
                    {event.team.name}
                  </Link>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          );
        })}
      </DataTable>
    </ScrollRegion>
  );
}
