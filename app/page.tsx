import Link from "next/link";
import { pageActor } from "@/lib/authz/page-access";
import { ROLE_LABELS } from "@/lib/authz/permissions";
import { countTeamsAndApps } from "@/lib/teams/count-teams-and-apps";
import { listTeams } from "@/lib/teams/list-teams";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const actor = await pageActor("/");
  const [{ teams, apps }, mine] = await Promise.all([countTeamsAndApps(), listTeams({ actor: { ...actor, isPlatformAdmin: false }, limit: 50 })]);
  return (
    <section aria-labelledby="home-title" className="space-y-6">
      <div className="space-y-2">
        <h1 id="home-title" className="text-3xl font-semibold tracking-tight">
          Slipway
        </h1>
        <p className="max-w-2xl text-slate-600">
          Register your app, click Deploy, watch it roll out. Every change is made with a short-lived token
          scoped to your team&apos;s namespace and recorded in the audit log.
        </p>
      </div>
      <dl className="grid max-w-md grid-cols-2 gap-4">
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <dt className="text-sm text-slate-500">Teams</dt>
          <dd className="text-2xl font-semibold" data-testid="team-count">
            {teams}
          </dd>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <dt className="text-sm text-slate-500">Apps</dt>
          <dd className="text-2xl font-semibold" data-testid="app-count">
            {apps}
          </dd>
        </div>
      </dl>
      <section aria-labelledby="my-teams" className="space-y-2">
        <h2 id="my-teams" className="text-lg font-semibold">Your teams</h2>
        {mine.teams.length === 0 ? (
          <p className="text-slate-600">You are not in any team yet. A team lead can add you by your email address.</p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {mine.teams.map((team) => (
              <li key={team.slug} className="rounded-lg border border-slate-200 bg-white p-4">
                <Link href={`/teams/${team.slug}`} className="font-medium text-blue-700 hover:underline">
                  {team.name}
                </Link>
                <p className="text-sm text-slate-500">{team.role ? ROLE_LABELS[team.role] : ""} · {team.memberCount} members</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
