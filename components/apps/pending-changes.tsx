import type { SpecChange } from "@/lib/apps/release-spec";

const show = (value: unknown) => (value === undefined ? "(none)" : typeof value === "string" ? value : JSON.stringify(value));

/** What the next Deploy changes against the running release, besides the version typed in the form. */
export function PendingChanges({ changes, against }: { changes: SpecChange[]; against: number | null }) {
  if (against === null) return null;
  return (
    <div data-testid="pending-changes" className="text-sm text-slate-700">
      {changes.length === 0 ? (
        <p>Settings as in release #{against}; only the version changes.</p>
      ) : (
        <>
          <p>Deploying also changes, against release #{against}:</p>
          <ul className="font-mono text-xs">
            {changes.map((change) => (
              <li key={change.field}>{change.summary ?? `${change.field}: ${show(change.before)} → ${show(change.after)}`}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
