"use client";

import { useActionState } from "react";
import type { FormAction } from "@/lib/adapters/form-action";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { FieldError, FormStatus, inputClass, invalid } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { submittedValue } from "@/lib/adapters/action-state";

type Role = "LEAD" | "DEPLOYER" | "VIEWER";
const LOWER_OR_EQUAL: Record<Role, Role[]> = { LEAD: ["LEAD", "DEPLOYER", "VIEWER"], DEPLOYER: ["DEPLOYER", "VIEWER"], VIEWER: ["VIEWER"] };
const LABEL: Record<Role, string> = { LEAD: "Lead", DEPLOYER: "Deployer", VIEWER: "Viewer" };

/** Approve (the role and time asked, or less) or deny with a reason; bound to the request by the page. */
export function AccessRequestActions(props: {
  request: { id: string; email: string; role: Role; hours: number | null };
  approve: FormAction;
  deny: FormAction;
}) {
  const { request } = props;
  const [state, approve] = useActionState(props.approve, null);
  const id = request.id.slice(0, 8);
  return (
    <div className="flex flex-wrap items-end gap-3">
      <form action={approve} className="flex flex-wrap items-end gap-2" aria-label={`Approve ${request.email}`}>
        <div>
          <label htmlFor={`approve-role-${id}`} className="text-xs font-medium">
            Role
          </label>
          <select
            id={`approve-role-${id}`}
            name="role"
            defaultValue={submittedValue(state, "role", request.role)}
            {...invalid(state, "role")}
            className={inputClass}
          >
            {LOWER_OR_EQUAL[request.role].map((role) => (
              <option key={role} value={role}>
                {LABEL[role]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`approve-hours-${id}`} className="text-xs font-medium">
            Hours {request.hours === null && <span className="font-normal text-slate-600">(blank: for good)</span>}
          </label>
          <input
            id={`approve-hours-${id}`}
            name="hours"
            type="number"
            min={1}
            max={request.hours ?? undefined}
            defaultValue={submittedValue(state, "hours", request.hours ?? "")}
            {...invalid(state, "hours")}
            aria-describedby="hours-error"
            className={`${inputClass} w-28`}
          />
        </div>
        <SubmitButton pendingLabel="Approving…">Approve</SubmitButton>
      </form>
      <ConfirmForm
        action={props.deny}
        trigger="Deny"
        title={`Deny ${request.email}'s request?`}
        description="They see your reason and may ask again later."
        confirmLabel="Deny request"
      >
        <label htmlFor={`deny-reason-${id}`} className="block text-sm font-medium">
          Reason
        </label>
        <textarea id={`deny-reason-${id}`} name="reason" required maxLength={500} rows={2} className={inputClass} />
      </ConfirmForm>
      <div className="basis-full">
        <FieldError state={state} field="role" />
        <FieldError state={state} field="hours" />
        <FormStatus state={state} />
      </div>
    </div>
  );
}
