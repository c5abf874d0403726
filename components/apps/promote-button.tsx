import { ConfirmForm } from "@/components/ui/confirm-form";
import { inputClass } from "@/components/ui/form-status";
import type { FormAction } from "@/lib/adapters/form-action";

/**
 * "Promote to production": the confirmation names the build (image and digest). Into a
 * frozen environment only a lead is offered the override, with a reason.
 */
export function PromoteButton(props: {
  action: FormAction;
  candidate: { from: string; to: string; sequence: number; image: string; digest: string | null };
  idempotencyKey: string;
  requiresApproval: boolean;
  frozen: { until: Date; reason: string | null } | null;
  mayOverride: boolean;
}) {
  const { candidate, frozen } = props;
  if (!candidate.digest) {
    return (
      <p className="text-xs text-slate-600">
        #{candidate.sequence} ran a tag whose digest is unknown; deploy it by digest to promote it to {candidate.to}.
      </p>
    );
  }
  if (frozen && !props.mayOverride) {
    return <p className="text-xs text-slate-600">{candidate.to} is frozen: only a lead can promote now.</p>;
  }
  return (
    <ConfirmForm
      action={props.action}
      fields={{ from: candidate.from, to: candidate.to, sequence: String(candidate.sequence), idempotencyKey: props.idempotencyKey }}
      trigger={`Promote to ${candidate.to}`}
      title={`Promote release #${candidate.sequence} from ${candidate.from} to ${candidate.to}?`}
      description={`${candidate.to} will run ${candidate.image} as digest ${candidate.digest}, with its own replicas, host and secrets.${
        props.requiresApproval ? ` It waits until another lead approves it.` : ""
      }`}
      confirmLabel="Promote"
    >
      {frozen && (
        <div className="space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm">
          <p>
            {candidate.to} is frozen until {frozen.until.toISOString()}
            {frozen.reason ? `: ${frozen.reason}` : ""}.
          </p>
          <input type="hidden" name="override" value="true" />
          <label htmlFor={`override-reason-${candidate.to}`} className="font-medium">
            Why override the freeze?
          </label>
          <input id={`override-reason-${candidate.to}`} name="reason" required maxLength={500} className={inputClass} />
        </div>
      )}
    </ConfirmForm>
  );
}
