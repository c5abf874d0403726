"use client";
/**
 * A client component given plain data (rendered on the server all the same): its 85
 * options go to the browser as one list of names, not as a tree of elements.
 */
import { inputClass } from "@/components/ui/form-status";

export type FilterValues = Partial<Record<"team" | "app" | "actor" | "action" | "via" | "from" | "to", string>>;

/** A plain GET form: the filters live in the URL, so a filtered view can be shared. */
/** `actions`: every audit action (AUDIT_ACTIONS), grouped by the part before the first dot. */
export function ActivityFilters({
  values,
  teams,
  actions,
}: {
  values: FilterValues;
  teams: { slug: string; name: string }[];
  actions: readonly string[];
}) {
  const groups = [...new Set(actions.map((action) => action.split(".")[0]!))];
  const knownTeam = !values.team || teams.some((team) => team.slug === values.team);
  return (
    <form
      method="get"
      action="/activity"
      aria-label="Filter activity"
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6"
    >
      <div>
        <label htmlFor="filter-team" className="text-sm font-medium">
          Team
        </label>
        <select id="filter-team" name="team" defaultValue={values.team ?? ""} className={inputClass}>
          <option value="">All teams</option>
          {!knownTeam && <option value={values.team}>{values.team}</option>}
          {teams.map((team) => (
            <option key={team.slug} value={team.slug}>
              {team.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-app" className="text-sm font-medium">
          App
        </label>
        <input id="filter-app" name="app" defaultValue={values.app} placeholder="checkout" className={inputClass} />
      </div>
      <div>
        <label htmlFor="filter-actor" className="text-sm font-medium">
          Person
        </label>
        <input
          id="filter-actor"
          name="actor"
          type="email"
          defaultValue={values.actor}
          placeholder="someone@example.com"
          className={inputClass}
        />
      </div>
      <div>
        <label htmlFor="filter-action" className="text-sm font-medium">
          Action
        </label>
        <select id="filter-action" name="action" defaultValue={values.action ?? ""} className={inputClass}>
          <option value="">All actions</option>
          {groups.map((group) => (
            <optgroup key={group} label={group}>
              <option value={`${group}.`}>{`All ${group} events`}</option>
              {actions
                .filter((action) => action.startsWith(`${group}.`))
                .map((action) => (
                  <option key={action} value={action}>
                    {action}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-via" className="text-sm font-medium">
          Tool
        </label>
        <select id="filter-via" name="via" defaultValue={values.via ?? ""} className={inputClass}>
          <option value="">All tools</option>
          <option value="session">Slipway UI</option>
          <option value="token">API</option>
          <option value="kubectl">kubectl</option>
          <option value="cli">Admin CLI</option>
        </select>
      </div>
      <div>
        <label htmlFor="filter-from" className="text-sm font-medium">
          From (UTC)
        </label>
        <input id="filter-from" name="from" type="date" defaultValue={values.from} className={inputClass} />
      </div>
      <div>
        <label htmlFor="filter-to" className="text-sm font-medium">
          To (UTC, inclusive)
        </label>
        <input id="filter-to" name="to" type="date" defaultValue={values.to} className={inputClass} />
      </div>
      <div className="flex items-end gap-3 sm:col-span-3 lg:col-span-6">
        <button
          type="submit"
          className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
        >
          Apply filters
        </button>
        <a href="/activity" className="text-sm text-blue-700 underline">
          Clear
        </a>
      </div>
    </form>
  );
}
