"use client";

import { useDetailsOpen } from "@/components/ui/use-details-open";

/**
 * An audit event as it is kept, drawn when someone opens "Raw event": the activity
 * page's 50 rows carried it in their HTML and again in the page's React payload.
 */
export function RawEvent({ json }: { json: string }) {
  const { ref, open, onToggle } = useDetailsOpen();
  return (
    <details ref={ref} className="mt-1 text-xs text-slate-600" onToggle={onToggle}>
      <summary className="cursor-pointer">Raw event</summary>
      {open && <pre className="mt-1 overflow-x-auto rounded bg-slate-50 p-2 break-all whitespace-pre-wrap">{json}</pre>}
    </details>
  );
}
