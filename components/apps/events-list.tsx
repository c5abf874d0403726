"use client";

import { useState } from "react";

export type EventItem = { type: string; reason: string; message: string; object: string; count: number; lastSeen?: Date };

const when = (date?: Date) => (date ? date.toISOString().slice(11, 19) : "—");

/** The app's events, newest first, with the time each was last seen; warnings alone at a click. */
export function EventsList({ events }: { events: EventItem[] }) {
  const [warningsOnly, setWarningsOnly] = useState(false);
  const shown = warningsOnly ? events.filter((event) => event.type === "Warning") : events;
  const warnings = events.filter((event) => event.type === "Warning").length;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-medium">Events</h3>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={warningsOnly} onChange={(event) => setWarningsOnly(event.target.checked)} />
          Warnings only ({warnings})
        </label>
      </div>
      <ol
        tabIndex={0}
        aria-label="Events, newest first"
        className="max-h-64 space-y-1 overflow-auto rounded-lg border border-slate-200 bg-white p-3 text-xs"
        data-testid="events-list"
      >
        {shown.length === 0 && <li className="text-slate-600">{warningsOnly ? "No warnings." : "No recent events."}</li>}
        {shown.map((event, i) => (
          <li key={i} data-testid="event-row" className="break-words">
            <time className="mr-2 font-mono text-slate-600" dateTime={event.lastSeen?.toISOString()} title="UTC">
              {when(event.lastSeen)}
            </time>
            <span className={event.type === "Warning" ? "font-semibold text-red-700" : "text-slate-600"}>{event.reason}</span>{" "}
            <span className="text-slate-600">{event.object}</span> {event.message}
            {event.count > 1 && <span className="text-slate-600"> ×{event.count}</span>}
          </li>
        ))}
      </ol>
    </div>
  );
}
