"use client";

import { useDetailsOpen } from "@/components/ui/use-details-open";
import type { DeployDay } from "@/lib/dashboard/count-deploys-per-day";

/**
 * The numbers behind a deploys chart, drawn when someone opens "Per day". A home page
 * with 20 teams would otherwise carry 20 hidden tables of 30 rows, in its HTML and
 * again in the page's React payload: with the bench's 5 teams, these rows were 600 of
 * the home page's 1,037 elements.
 */
export function PerDayTable({ days }: { days: DeployDay[] }) {
  const { ref, open, onToggle } = useDetailsOpen();
  return (
    <details ref={ref} className="text-xs text-slate-600" onToggle={onToggle}>
      <summary className="cursor-pointer">Per day</summary>
      {open && (
        <table className="mt-1">
          <caption className="sr-only">
            Deploys per day from {days[0]?.day} to {days.at(-1)?.day}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="pr-3 text-left font-medium">
                Day
              </th>
              <th scope="col" className="pl-3 text-right font-medium">
                Deploys
              </th>
              <th scope="col" className="pl-3 text-right font-medium">
                Failed
              </th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day}>
                <th scope="row" className="pr-3 text-left font-normal">
                  {d.day}
                </th>
                <td className="pl-3 text-right">{d.deploys}</td>
                <td className="pl-3 text-right">{d.failed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
