import type { DeployActivity, DeployDay } from "@/lib/dashboard/count-deploys-per-day";
import { PerDayTable } from "./per-day-table";

export function formatFailureRate(activity: DeployActivity): string {
  if (activity.failureRate === null) return "no finished deploys";
  const finished = activity.succeeded + activity.failed;
  return `failure rate ${Math.round(activity.failureRate * 100)}% (${activity.failed} of ${finished} finished)`;
}

/** Height of the chart in its own units (the SVG stretches it to h-12). */
const HEIGHT = 48;

/** One SVG path of bars, a unit wide each: `part(day)` of the day's bar, from `from(day)` up. */
function bars(days: DeployDay[], highest: number, part: (day: DeployDay) => number, from: (day: DeployDay) => number): string {
  const scale = (count: number) => (count / highest) * HEIGHT;
  return days
    .map((day, index) => {
      const height = scale(part(day));
      if (height <= 0) return "";
      return `M${index + 0.1} ${(HEIGHT - scale(from(day)) - height).toFixed(2)}h0.8v${height.toFixed(2)}h-0.8z`;
    })
    .join("");
}

/**
 * Deploys per day as bars (failed ones in red on top), drawn as two SVG paths (they were
 * three elements a day, about 90 a chart). The numbers behind them are a table, drawn
 * on demand for everyone (and read by screen readers).
 */
export function DeploysChart({ team, activity }: { team: string; activity: DeployActivity }) {
  const highest = Math.max(1, ...activity.days.map((d) => d.deploys));
  return (
    <figure className="space-y-1" data-testid={`deploys-chart-${team}`}>
      <svg
        aria-hidden="true"
        viewBox={`0 0 ${activity.days.length} ${HEIGHT}`}
        preserveAspectRatio="none"
        className="h-12 w-full border-b border-slate-200"
      >
        <path
          className="fill-slate-400"
          d={bars(
            activity.days,
            highest,
            (d) => d.deploys - d.failed,
            () => 0,
          )}
        />
        <path
          className="fill-red-500"
          d={bars(
            activity.days,
            highest,
            (d) => d.failed,
            (d) => d.deploys - d.failed,
          )}
        />
      </svg>
      <figcaption className="text-xs text-slate-500">
        {activity.deploys} {activity.deploys === 1 ? "deploy" : "deploys"} in {activity.days.length} days · {formatFailureRate(activity)}
      </figcaption>
      <PerDayTable days={activity.days} />
    </figure>
  );
}
