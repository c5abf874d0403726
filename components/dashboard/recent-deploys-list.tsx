import Link from "next/link";
import { StatusBadge } from "@/components/apps/status-badge";
import { versionOf } from "@/lib/apps/app-spec.types";
import type { RecentDeploy } from "@/lib/dashboard/get-dashboard";

const when = (date: Date) => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;

export function RecentDeploysList({ deploys }: { deploys: RecentDeploy[] }) {
  if (deploys.length === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 p-6 text-slate-600">No deploys yet.</p>;
  }
  return (
    <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
      {deploys.map((release) => {
        const appPath = `/teams/${release.app.team.slug}/apps/${release.app.name}`;
        return (
          <li key={release.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2">
            <Link href={`${appPath}/releases/${release.sequence}`} className="font-medium text-blue-700 underline-offset-2 hover:underline">
              {release.app.name} #{release.sequence}
            </Link>
            <span className="text-slate-500">{release.app.team.name}</span>
            <span className="font-mono text-xs">{versionOf(release.image)}</span>
            {release.rollbackOf && <span className="text-xs text-slate-500">rollback to #{release.rollbackOf.sequence}</span>}
            <StatusBadge status={release.status} />
            <span className="ml-auto text-xs text-slate-500">
              {release.requestedBy ? (release.requestedBy.name ?? release.requestedBy.email) : "unknown"} ·{" "}
              <time dateTime={release.createdAt.toISOString()}>{when(release.createdAt)}</time>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
