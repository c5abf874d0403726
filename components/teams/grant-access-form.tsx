"use client";

import { useActionState } from "react";
import type { FormAction } from "@/lib/adapters/form-action";
import { FieldError, FormStatus, inputClass, invalid } from "@/components/ui/form-status";
import { submittedValue } from "@/lib/adapters/action-state";
import { SubmitButton } from "@/components/ui/submit-button";

export function GrantAccessForm(props: { action: FormAction }) {
  const [state, action] = useActionState(props.action, null);
  return (
    <section aria-labelledby="grant" className="max-w-xl space-y-3 rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="grant" className="text-lg font-semibold">
        Grant access
      </h2>
      <p className="text-sm text-slate-600">
        People who have not signed in yet get access when they first do. With hours, the access ends by itself.
      </p>
      <form action={action} className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <label htmlFor="grant-email" className="text-sm font-medium">
            Email
          </label>
          <input
            id="grant-email"
            name="email"
            {...invalid(state, "email")}
            type="email"
            required
            defaultValue={submittedValue(state, "email")}
            aria-describedby="email-error"
            className={inputClass}
          />
          <FieldError state={state} field="email" />
        </div>
        <div>
          <label htmlFor="grant-role" className="text-sm font-medium">
            Role
          </label>
          <select id="grant-role" name="role" defaultValue="DEPLOYER" className={inputClass}>
            <option value="VIEWER">Viewer: sees apps, releases, logs</option>
            <option value="DEPLOYER">Deployer: also deploys, restarts, scales</option>
            <option value="LEAD">Lead: also manages access</option>
          </select>
        </div>
        <div>
          <label htmlFor="grant-hours" className="text-sm font-medium">
            For hours <span className="font-normal text-slate-600">(blank: for good)</span>
          </label>
          <input
            id="grant-hours"
            name="hours"
            type="number"
            min={1}
            max={8760}
            {...invalid(state, "hours")}
            defaultValue={submittedValue(state, "hours")}
            aria-describedby="hours-error"
            className={`${inputClass} w-28`}
          />
          <FieldError state={state} field="hours" />
        </div>
        <SubmitButton pendingLabel="Granting…">Grant</SubmitButton>
      </form>
      <FormStatus state={state} />
    </section>
  );
}
