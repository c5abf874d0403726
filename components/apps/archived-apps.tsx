import Link from "next/link";
import type { FormAction } from "@/lib/adapters/form-action";
import { ActionButton } from "@/components/ui/action-button";

/** The team's archived apps (`more`: only the first of them), each with its history a click away and, for leads, Unarchive. */
export function ArchivedApps(props: {
  team: string;
  apps: { name: string; archivedAt: Date | null }[];
  more?: boolean;
  unarchive?: (app: string) => FormAction;
}) {
  if (props.apps.length === 0) return null;
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-4" data-testid="archived-apps">
      <summary className="cursor-pointer text-sm font-medium">
        Archived apps ({props.apps.length}
        {props.more ? "+" : ""})
      </summary>
      <ul className="mt-3 space-y-2">
        {props.apps.map((app) => (
          <li key={app.name} className="flex flex-wrap items-center gap-3" data-testid={`archived-${app.name}`}>
            <Link href={`/teams/${props.team}/apps/${app.name}`} className="text-blue-700 underline">
              {app.name}
            </Link>
            {app.archivedAt && <span className="text-xs text-slate-600">archived {app.archivedAt.toISOString().slice(0, 10)}</span>}
            {props.unarchive && <ActionButton action={props.unarchive(app.name)} label="Unarchive" pendingLabel="Unarchiving…" />}
          </li>
        ))}
      </ul>
      {props.more && <p className="mt-3 text-xs text-slate-600">The first {props.apps.length} by name.</p>}
    </details>
  );
}
