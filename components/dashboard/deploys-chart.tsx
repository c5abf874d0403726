import type { DeployActivity } from "@/lib/dashboard/count-deploys-per-day";

export function formatFailureRate(activity: DeployActivity): string {
  if (activity.failureRate === null) return "no finished deploys";
  const finished = activity.succeeded + activity.failed;
  return `failure rate ${Math.round(activity.failureRate * 100)}% (${activity.failed} of ${finished} finished)`;
}

/**
 * Deploys per day as CSS bars (failed ones in red on top). The bars are hidden from
 * screen readers, which get the caption's summary and the same numbers as a table.
 */
export function DeploysChart({ team, activity }: { team: string; activity: DeployActivity }) {
  const highest = Math.max(1, ...activity.days.map((d) => d.deploys));
  const first = activity.days[0]?.day;
  const last = activity.days.at(-1)?.day;
  return (
    <figure className="space-y-1" data-testid={`deploys-chart-${team}`}>
      <div aria-hidden="true" className="flex h-12 items-end gap-px border-b border-slate-200">
        {activity.days.map((d) => (
          <div
            key={d.day}
            title={`${d.day}: ${d.deploys} deploys, ${d.failed} failed`}
            className="flex flex-1 flex-col justify-end"
            style={{ height: `${(d.deploys / highest) * 100}%` }}
          >
            <div className="bg-red-500" style={{ height: `${d.deploys ? (d.failed / d.deploys) * 100 : 0}%` }} />
            <div className="flex-1 bg-slate-400" />
          </div>
        ))}
      </div>
      <figcaption className="text-xs text-slate-500">
        {activity.deploys} {activity.deploys === 1 ? "deploy" : "deploys"} in {activity.days.length} days · {formatFailureRate(activity)}
      </figcaption>
      <table className="sr-only">
        <caption>
          Deploys per day from {first} to {last}
        </caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Deploys</th>
            <th scope="col">Failed</th>
          </tr>
        </thead>
        <tbody>
          {activity.days.map((d) => (
            <tr key={d.day}>
              <th scope="row">{d.day}</th>
              <td>{d.deploys}</td>
              <td>{d.failed}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
