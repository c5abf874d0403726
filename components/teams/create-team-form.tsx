"use client";

import { useActionState } from "react";
import type { FormAction } from "@/lib/adapters/form-action";
import { FieldError, FormStatus, inputClass, invalid } from "@/components/ui/form-status";
import { submittedValue } from "@/lib/adapters/action-state";
import { SubmitButton } from "@/components/ui/submit-button";

export function CreateTeamForm(props: { action: FormAction }) {
  const [state, action] = useActionState(props.action, null);
  return (
    <section aria-labelledby="create-team" className="max-w-xl space-y-3 rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="create-team" className="text-lg font-semibold">
        Create a team
      </h2>
      <form action={action} className="space-y-3">
        <div>
          <label htmlFor="slug" className="text-sm font-medium">
            Slug
          </label>
          <input
            id="slug"
            name="slug"
            {...invalid(state, "slug")}
            defaultValue={submittedValue(state, "slug")}
            required
            maxLength={40}
            pattern="[a-z0-9]([\-a-z0-9]*[a-z0-9])?"
            aria-describedby="slug-help slug-error"
            className={inputClass}
          />
          <p id="slug-help" className="text-xs text-slate-500">
            Lowercase letters, digits and dashes. The namespace will be team-&lt;slug&gt;.
          </p>
          <FieldError state={state} field="slug" />
        </div>
        <div>
          <label htmlFor="name" className="text-sm font-medium">
            Name
          </label>
          <input
            id="name"
            name="name"
            {...invalid(state, "name")}
            defaultValue={submittedValue(state, "name")}
            required
            maxLength={100}
            aria-describedby="name-error"
            className={inputClass}
          />
          <FieldError state={state} field="name" />
        </div>
        <div>
          <label htmlFor="leadEmail" className="text-sm font-medium">
            First lead (email, optional)
          </label>
          <input
            id="leadEmail"
            name="leadEmail"
            {...invalid(state, "leadEmail")}
            defaultValue={submittedValue(state, "leadEmail")}
            type="email"
            aria-describedby="leadEmail-error"
            className={inputClass}
          />
          <FieldError state={state} field="leadEmail" />
        </div>
        <SubmitButton pendingLabel="Creating…">Create team</SubmitButton>
        <FormStatus state={state} />
      </form>
    </section>
  );
}
