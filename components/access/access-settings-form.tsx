"use client";

import { useActionState } from "react";
import type { FormAction } from "@/lib/adapters/form-action";
import { submittedValue } from "@/lib/adapters/action-state";
import { FieldError, FormStatus, inputClass, invalid } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";

/** Leads: the longest time an access request to the team may ask for. */
export function AccessSettingsForm(props: { action: FormAction; accessMaxHours: number }) {
  const [state, action] = useActionState(props.action, null);
  return (
    <form action={action} className="flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor="access-max-hours" className="text-sm font-medium">
          Longest requested access, in hours
        </label>
        <input
          id="access-max-hours"
          name="accessMaxHours"
          type="number"
          min={1}
          max={8760}
          required
          defaultValue={submittedValue(state, "accessMaxHours", props.accessMaxHours)}
          {...invalid(state, "accessMaxHours")}
          aria-describedby="accessMaxHours-error"
          className={`${inputClass} w-32`}
        />
        <FieldError state={state} field="accessMaxHours" />
      </div>
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        Save
      </SubmitButton>
      <div className="basis-full">
        <FormStatus state={state} />
      </div>
    </form>
  );
}
