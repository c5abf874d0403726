import type { ReactNode } from "react";
import type { AppLive } from "@/lib/apps/app-live.types";

type Drift = Omit<AppLive["drift"], "changedBy"> & { changedBy: (AppLive["drift"]["changedBy"][number] & { at: Date | string })[] };

/** Shown when what runs differs from the current release: the fields, who changed them with kubectl, and a way back. */
export function DriftNotice(props: { drift: Drift; release: AppLive["release"]; reapply?: ReactNode }) {
  const { drift, release } = props;
  if (drift.state !== "drifted" || !release) return null;
  return (
    <div role="status" data-testid="drift-notice" className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm">
      <p className="font-medium">What runs differs from release #{release.sequence}.</p>
      <ul className="font-mono text-xs">
        {drift.changes.map((change) => (
          <li key={change.field}>
            {change.field}: {change.expected ?? "(none)"} → {change.live ?? "(none)"}
          </li>
        ))}
      </ul>
      {drift.changedBy.length > 0 && (
        <ul className="text-xs text-slate-700">
          {drift.changedBy.map((write, i) => (
            <li key={i}>
              {write.email ?? "someone"} ran kubectl {write.verb} {write.resource}
              {write.name ? `/${write.name}` : ""} at{" "}
              <time dateTime={new Date(write.at).toISOString()}>{new Date(write.at).toISOString().slice(0, 19).replace("T", " ")}</time>
            </li>
          ))}
        </ul>
      )}
      {props.reapply}
    </div>
  );
}
