import { ConfirmForm } from "@/components/ui/confirm-form";
import { inputClass } from "@/components/ui/form-status";
import type { FormAction } from "@/lib/adapters/form-action";

type Awaiting = { sequence: number; image: string; environment: string; requestedBy: string | null; requestedByYou: boolean };

/** Releases waiting for a second lead: Approve and Reject for the other leads, a note for the one who asked. */
export function PendingApprovals(props: {
  releases: Awaiting[];
  approve?: (sequence: number) => FormAction;
  reject?: (sequence: number) => FormAction;
}) {
  if (props.releases.length === 0) return null;
  return (
    <section aria-labelledby="approvals" className="space-y-3 rounded-lg border border-amber-200 bg-amber-50 p-4">
      <h2 id="approvals" className="text-lg font-semibold">
        Waiting for approval
      </h2>
      <ul className="space-y-3">
        {props.releases.map((release) => (
          <li key={release.sequence} data-testid={`approval-${release.sequence}`} className="flex flex-wrap items-center gap-3 text-sm">
            <span className="min-w-0 flex-1 break-all">
              Release #{release.sequence} to <strong>{release.environment}</strong>: <span className="font-mono">{release.image}</span>
              {release.requestedBy && ` (asked by ${release.requestedBy})`}
            </span>
            {release.requestedByYou ? (
              <span className="text-slate-600">You asked for it: another lead must approve it.</span>
            ) : (
              props.approve &&
              props.reject && (
                <>
                  <ConfirmForm
                    action={props.approve(release.sequence)}
                    trigger={`Approve #${release.sequence}`}
                    title={`Approve release #${release.sequence} to ${release.environment}?`}
                    description={`${release.environment} will run ${release.image}. The approval is recorded in the activity log.`}
                    confirmLabel="Approve and deploy"
                  />
                  <ConfirmForm
                    action={props.reject(release.sequence)}
                    trigger={`Reject #${release.sequence}`}
                    title={`Reject release #${release.sequence}?`}
                    description="It is never deployed; the reason is recorded."
                    confirmLabel="Reject"
                  >
                    <label htmlFor={`reject-reason-${release.sequence}`} className="text-sm font-medium">
                      Reason
                    </label>
                    <input id={`reject-reason-${release.sequence}`} name="reason" required maxLength={500} className={inputClass} />
                  </ConfirmForm>
                </>
              )
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
