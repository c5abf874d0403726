import type { Metadata } from "next";
import { DataTable } from "@/components/ui/data-table";
import { ScrollRegion } from "@/components/ui/scroll-region";
import Link from "next/link";
import { StatusBadge } from "@/components/apps/status-badge";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { pageCall } from "@/lib/adapters/page-call";
import { getRelease } from "@/lib/deploys/get-release";

export const metadata: Metadata = { title: "Release" };

const show = (value: unknown) => (value === undefined ? "—" : typeof value === "string" ? value : JSON.stringify(value));

export default async function ReleasePage({ params }: { params: Promise<{ team: string; app: string; sequence: string }> }) {
  const { team, app, sequence } = await params;
  const access = await pageCall(getRelease, { team, app, sequence });
  if (access.forbidden !== undefined)
    return (
      <ForbiddenNotice
        title="You cannot see this release"
        reason={access.forbidden}
        requestHref={`/teams/${encodeURIComponent(team)}/request-access`}
      />
    );
  const { release, changes, previousSequence } = access.output;
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/teams/${team}`} className="text-blue-700 underline">
          {access.ctx.team.name}
        </Link>{" "}
        /{" "}
        <Link href={`/teams/${team}/apps/${app}`} className="text-blue-700 underline">
          {app}
        </Link>{" "}
        / #{release.sequence}
      </nav>
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">
          {app} release #{release.sequence} <StatusBadge status={release.status} />
        </h1>
        <p className="text-sm text-slate-600">
          {release.image} · by {release.requestedBy?.email ?? "—"} · {release.createdAt.toISOString().slice(0, 19).replace("T", " ")}
          {release.rollbackOf && ` · rollback to #${release.rollbackOf.sequence}`}
        </p>
        {release.error && <p className="text-sm text-red-700">{release.error}</p>}
      </div>
      <section aria-labelledby="changes" className="space-y-2">
        <h2 id="changes" className="text-lg font-semibold">
          {previousSequence ? `Changes since #${previousSequence}` : "First release: everything is new"}
        </h2>
        {changes.length === 0 ? (
          <p className="text-slate-600">Same spec as the release before.</p>
        ) : (
          <ScrollRegion label="Changes table">
            <DataTable dense columns={["Setting", "Before", "After"]}>
              {changes.map((change) => (
                <tr key={change.field} className="border-t border-slate-100 font-mono text-xs">
                  <td className="px-3 py-2">{change.summary ?? change.field}</td>
                  <td className="px-3 py-2 text-red-800">
                    <del>{show(change.before)}</del>
                  </td>
                  <td className="px-3 py-2 text-green-800">
                    <ins>{show(change.after)}</ins>
                  </td>
                </tr>
              ))}
            </DataTable>
          </ScrollRegion>
        )}
      </section>
    </div>
  );
}
