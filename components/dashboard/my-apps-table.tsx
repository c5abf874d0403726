import { cardLiveOf } from "@/lib/apps/app-live.types";
import { versionOf } from "@/lib/apps/app-spec.types";
import type { DashboardApp } from "@/lib/dashboard/get-dashboard";
import { MyAppsRows } from "./my-apps-rows";

export function MyAppsTable({ apps, more }: { apps: DashboardApp[]; more: boolean }) {
  if (apps.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 p-6 text-slate-600">
        No apps yet. Register one from your team&apos;s page.
      </p>
    );
  }
  return (
    <>
      <MyAppsRows
        rows={apps.map(({ team, name, release, live }) => ({
          team: { slug: team.slug, name: team.name },
          name,
          version: release ? `${versionOf(release.image)} (#${release.sequence})` : null,
          status: release?.status ?? null,
          live: cardLiveOf(live),
        }))}
      />
      {more && <p className="text-sm text-slate-500">Showing the first {apps.length} apps; see each team&apos;s page for the rest.</p>}
    </>
  );
}
