"use client";

import { useActionState } from "react";
import type { FormAction } from "@/lib/adapters/form-action";
import { submittedValue } from "@/lib/adapters/action-state";
import { FieldError, FormStatus, inputClass, invalid } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";

/** Asking a team for a role: why, and for how long (blank: for good). */
export function RequestAccessForm(props: { action: FormAction; teamName: string; maxHours: number; defaultRole?: string }) {
  const [state, action] = useActionState(props.action, null);
  if (state?.ok) return <FormStatus state={state} />;
  return (
    <form action={action} className="max-w-xl space-y-4 rounded-lg border border-slate-200 bg-white p-6">
      <div>
        <label htmlFor="request-role" className="text-sm font-medium">
          Role
        </label>
        <select
          id="request-role"
          name="role"
          defaultValue={submittedValue(state, "role", props.defaultRole ?? "DEPLOYER")}
          {...invalid(state, "role")}
          aria-describedby="role-error"
          className={inputClass}
        >
          <option value="VIEWER">Viewer: sees apps, releases, logs</option>
          <option value="DEPLOYER">Deployer: also deploys, restarts, scales</option>
          <option value="LEAD">Lead: also manages access</option>
        </select>
        <FieldError state={state} field="role" />
      </div>
      <div>
        <label htmlFor="request-reason" className="text-sm font-medium">
          Reason
        </label>
        <textarea
          id="request-reason"
          name="reason"
          required
          maxLength={500}
          rows={3}
          defaultValue={submittedValue(state, "reason")}
          {...invalid(state, "reason")}
          aria-describedby="reason-error"
          className={inputClass}
        />
        <FieldError state={state} field="reason" />
      </div>
      <div>
        <label htmlFor="request-hours" className="text-sm font-medium">
          For how many hours <span className="font-normal text-slate-600">(optional, 1–{props.maxHours}; blank: for good)</span>
        </label>
        <input
          id="request-hours"
          name="hours"
          type="number"
          min={1}
          max={props.maxHours}
          defaultValue={submittedValue(state, "hours")}
          {...invalid(state, "hours")}
          aria-describedby="hours-error"
          className={`${inputClass} max-w-40`}
        />
        <FieldError state={state} field="hours" />
      </div>
      <SubmitButton pendingLabel="Sending…">Send request to {props.teamName}&apos;s leads</SubmitButton>
      <FormStatus state={state} />
    </form>
  );
}
