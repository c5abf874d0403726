import type { FormAction } from "@/lib/adapters/form-action";
import { ActionButton } from "@/components/ui/action-button";

/** An archived app's page: read-only, and a lead can bring it back. */
export function ArchivedNotice(props: { archivedAt: Date; unarchive?: FormAction }) {
  return (
    <div role="status" className="space-y-2 rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm" data-testid="archived-notice">
      <p>
        Archived on <time dateTime={props.archivedAt.toISOString()}>{props.archivedAt.toISOString().slice(0, 10)}</time>: hidden from the
        team&apos;s list, no deploys. Its history stays.
      </p>
      {props.unarchive ? (
        <ActionButton action={props.unarchive} label="Unarchive" pendingLabel="Unarchiving…" />
      ) : (
        <p className="text-slate-600">A lead can unarchive it.</p>
      )}
    </div>
  );
}
