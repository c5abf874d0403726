import { DataTable } from "@/components/ui/data-table";
import { ScrollRegion } from "@/components/ui/scroll-region";
import Link from "next/link";
import { DriftMarker } from "@/components/apps/drift-marker";
import { HealthBadge } from "@/components/apps/health-badge";
import { StatusBadge } from "@/components/apps/status-badge";
import { versionOf } from "@/lib/apps/app-spec.types";
import type { DashboardApp } from "@/lib/dashboard/get-dashboard";

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
      {/* Scrolls in its own region on a phone instead of widening the page. */}
      <ScrollRegion label="Your apps table">
        <DataTable columns={["App", "Team", "Version", "Status", "Live"]}>
          {apps.map((app) => (
            <tr key={`${app.team.slug}/${app.name}`} className="border-t border-slate-100" data-testid={`app-${app.team.slug}-${app.name}`}>
              <td className="px-4 py-2">
                <Link
                  href={`/teams/${app.team.slug}/apps/${app.name}`}
                  className="font-medium text-blue-700 underline-offset-2 hover:underline"
                >
                  {app.name}
                </Link>
              </td>
              <td className="px-4 py-2 text-slate-600">{app.team.name}</td>
              <td className="px-4 py-2 font-mono text-xs">
                {app.release ? `${versionOf(app.release.image)} (#${app.release.sequence})` : "—"}
              </td>
              <td className="px-4 py-2">
                <StatusBadge status={app.release?.status} />
              </td>
              <td className="px-4 py-2">
                <span className="flex items-center gap-1.5">
                  <HealthBadge health={app.live.health} compact />
                  <DriftMarker drift={app.live.drift} href={`/teams/${app.team.slug}/apps/${app.name}`} />
                </span>
              </td>
            </tr>
          ))}
        </DataTable>
      </ScrollRegion>
      {more && <p className="text-sm text-slate-500">Showing the first {apps.length} apps; see each team&apos;s page for the rest.</p>}
    </>
  );
}
