import { countTeamsAndApps } from "@/lib/teams/count-teams-and-apps";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const { teams, apps } = await countTeamsAndApps();
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
    </section>
  );
}
