import Link from "next/link";
import { describeAuditEvent, foldClusterIntents } from "@/lib/audit/describe-audit-event";
import type { AuditEventRow } from "@/lib/audit/query-audit-events";

/** The app's own recent activity, as sentences; the activity page has the rest. */
export function AppActivity({ events, moreHref }: { events: AuditEventRow[]; moreHref: string }) {
  return (
    <div className="space-y-2">
      {events.length === 0 ? (
        <p className="text-sm text-slate-600">Nothing yet.</p>
      ) : (
        <ol className="space-y-1 text-sm" data-testid="app-activity">
          {foldClusterIntents(events).map((event) => (
            <li key={String(event.id)} className="break-words">
              <time className="mr-2 font-mono text-xs text-slate-600" dateTime={event.createdAt.toISOString()}>
                {event.createdAt.toISOString().slice(0, 16).replace("T", " ")}
              </time>
              {describeAuditEvent(event).text}
            </li>
          ))}
        </ol>
      )}
      <Link href={moreHref} className="text-sm text-blue-700 underline">
        All of this app&apos;s activity
      </Link>
    </div>
  );
}
