type Event = { id: string | bigint; createdAt: Date; actorEmail: string | null; action: string; data: unknown; via?: string | null };

const TOOLS: Record<string, string> = { session: "Slipway UI", token: "API", kubectl: "kubectl", cli: "admin CLI" };

function describe(event: Event): string {
  const data = (event.data ?? {}) as Record<string, unknown>;
  switch (event.action) {
    case "app.scale":
      return `scaled from ${String(data.from)} to ${String(data.to)}${data.result === "failed" ? " (failed)" : ""}`;
    case "app.restart":
      return `restarted${data.result === "failed" ? " (failed)" : ""}`;
    case "kubectl.write":
      return `kubectl ${String(data.verb)} ${String(data.resource)}${data.subresource ? `/${String(data.subresource)}` : ""}${data.name ? ` ${String(data.name)}` : ""} (${String(data.code)})`;
    default:
      return event.action;
  }
}

/** The app's day-two history from the audit log: scale, restart, settings, kubectl changes. */
export function AppActivity({ events }: { events: Event[] }) {
  if (events.length === 0) return null;
  return (
    <ul data-testid="app-activity" className="space-y-1 text-sm">
      {events.map((event) => (
        <li key={String(event.id)}>
          <time dateTime={event.createdAt.toISOString()} className="text-slate-500">
            {event.createdAt.toISOString().slice(0, 19).replace("T", " ")}
          </time>{" "}
          {event.actorEmail ?? "someone"} {describe(event)}
          {event.via ? <span className="text-slate-500"> · {TOOLS[event.via] ?? event.via}</span> : null}
        </li>
      ))}
    </ul>
  );
}
