import { DataTable } from "@/components/ui/data-table";
import type { AuditEventRow } from "@/lib/audit/query-audit-events";

const DETAILS_MAX = 240;

function details(data: unknown): string {
  const text = JSON.stringify(data ?? {});
  if (text === "{}") return "";
  return text.length > DETAILS_MAX ? `${text.slice(0, DETAILS_MAX)}…` : text;
}

export function ActivityTable({ events }: { events: AuditEventRow[] }) {
  return (
    <DataTable dense caption="Audit events, newest first" columns={["When (UTC)", "Who", "Team", "Action", "Target", "Details"]}>
      {events.map((event) => (
        <tr key={String(event.id)} className="border-t border-slate-100 align-top" data-testid="activity-row">
          <td className="whitespace-nowrap px-3 py-2 text-xs">
            <time dateTime={event.createdAt.toISOString()}>{event.createdAt.toISOString().slice(0, 19).replace("T", " ")}</time>
            <div className="text-slate-500">#{String(event.id)}</div>
          </td>
          <td className="px-3 py-2">{event.actorEmail ?? <span className="text-slate-500">Slipway</span>}</td>
          <td className="px-3 py-2">
            {event.team ? (
              <a href={`/teams/${event.team.slug}`} className="text-blue-700 underline-offset-2 hover:underline">
                {event.team.name}
              </a>
            ) : (
              "—"
            )}
          </td>
          <td className="px-3 py-2 font-mono text-xs">{event.action}</td>
          <td className="px-3 py-2 text-xs">{event.target ? `${event.target.type} ${event.target.id ?? ""}` : "—"}</td>
          <td className="px-3 py-2">
            <code className="break-all text-xs text-slate-700">{details(event.data)}</code>
            {(event.requestId || event.sourceIp) && (
              <div className="text-xs text-slate-500">
                {event.sourceIp && <>from {event.sourceIp} </>}
                {event.requestId && <>request {event.requestId}</>}
              </div>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
