import Link from "next/link";
import { DeploysChart } from "@/components/dashboard/deploys-chart";
import { MyAppsTable } from "@/components/dashboard/my-apps-table";
import { RecentDeploysList } from "@/components/dashboard/recent-deploys-list";
import { pageCall } from "@/lib/adapters/page-call";
import { ROLE_LABELS } from "@/lib/authz/permissions";
import { DASHBOARD_DAYS, getDashboard } from "@/lib/dashboard/get-dashboard";
import { getMe } from "@/lib/users/get-me";

export const dynamic = "force-dynamic";

/** Apps in "Your apps": the table is a glance, each team's page lists them all (100 rows made a 300 KB page). */
const APPS_SHOWN = 20;

export default async function HomePage() {
  const [{ output: dashboard }, { output: me }] = await Promise.all([pageCall(getDashboard, {}, { apps: APPS_SHOWN }), pageCall(getMe)]);
  if (!dashboard) return null;
  // Counts of what this person can see, not of the whole platform.
  const totals = {
    teams: `${dashboard.teams.length}${dashboard.moreTeams ? "+" : ""}`,
    apps: `${dashboard.apps.length}${dashboard.moreApps ? "+" : ""}`,
  };
  return (
    <section aria-labelledby="home-title" className="space-y-8">
      <div className="space-y-2">
        <h1 id="home-title" className="text-3xl font-semibold tracking-tight">
          Slipway
        </h1>
        <p className="max-w-2xl text-slate-600">
          Register your app, click Deploy, watch it roll out. Every change is made with a short-lived token scoped to your team&apos;s
          namespace and recorded in the audit log.
        </p>
      </div>
      <dl className="grid max-w-md grid-cols-2 gap-4">
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <dt className="text-sm text-slate-500">Your teams</dt>
          <dd className="text-2xl font-semibold" data-testid="team-count">
            {totals.teams}
          </dd>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <dt className="text-sm text-slate-500">Your apps</dt>
          <dd className="text-2xl font-semibold" data-testid="app-count">
            {totals.apps}
          </dd>
        </div>
      </dl>

      <section aria-labelledby="my-teams" className="space-y-2">
        <h2 id="my-teams" className="text-lg font-semibold">
          Your teams
        </h2>
        {dashboard.teams.length === 0 && me?.isPlatformAdmin ? (
          <p className="rounded-lg border border-dashed border-slate-300 p-6 text-slate-600" data-testid="admin-no-teams">
            You are a platform admin and not a member of any team yourself: you can open and manage every team from{" "}
            <Link href="/teams" className="text-blue-700 underline">
              all teams
            </Link>
            , and create new ones there.
          </p>
        ) : dashboard.teams.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 p-6 text-slate-600">
            You are not in any team yet. A team lead can add you by your email address; then your apps and deploys show up here.
          </p>
        ) : (
          <>
            <p className="text-sm text-slate-500">Deploys per day over the last {DASHBOARD_DAYS} days; failed ones in red.</p>
            <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
              {dashboard.teams.map((team) => (
                <li key={team.slug} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
                  <div>
                    <Link href={`/teams/${team.slug}`} className="font-medium text-blue-700 hover:underline">
                      {team.name}
                    </Link>
                    <p className="text-sm text-slate-500">
                      {team.role ? ROLE_LABELS[team.role] : ""} · {team.memberCount} members
                    </p>
                  </div>
                  <DeploysChart team={team.slug} activity={team.activity} />
                </li>
              ))}
            </ul>
            {dashboard.moreTeams && (
              <p className="text-sm">
                <Link href="/teams" className="text-blue-700 underline">
                  All your teams
                </Link>
              </p>
            )}
          </>
        )}
      </section>

      {dashboard.teams.length > 0 && (
        <div className="grid gap-8 lg:grid-cols-2">
          <section aria-labelledby="my-apps" className="min-w-0 space-y-2">
            <h2 id="my-apps" className="text-lg font-semibold">
              Your apps
            </h2>
            <MyAppsTable apps={dashboard.apps} more={dashboard.moreApps} />
          </section>
          <section aria-labelledby="recent-deploys" className="min-w-0 space-y-2">
            <h2 id="recent-deploys" className="text-lg font-semibold">
              Recent deploys
            </h2>
            <RecentDeploysList deploys={dashboard.recentDeploys} />
          </section>
        </div>
      )}
    </section>
  );
}
