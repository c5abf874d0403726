"use client";

import { useActionState } from "react";
import type { FormAction } from "@/lib/adapters/form-action";
import { submittedValue } from "@/lib/adapters/action-state";
import { FieldError, FormStatus, inputClass, invalid } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";

/**
 * Sets or replaces a secret. The value box is a password input the browser neither shows
 * nor offers to save; after a refusal the name comes back, the value never does.
 */
export function SetSecretForm(props: { action: FormAction; names: string[] }) {
  const [state, action] = useActionState(props.action, null);
  return (
    <form action={action} className="flex flex-wrap items-end gap-3" data-testid="set-secret-form">
      <div className="min-w-48 flex-1">
        <label htmlFor="secret-name" className="text-sm font-medium">
          Name
        </label>
        <input
          id="secret-name"
          name="name"
          required
          maxLength={100}
          pattern="[A-Z_][A-Z0-9_]*"
          title="Capital letters, digits and _, not starting with a digit"
          list="secret-names"
          autoComplete="off"
          spellCheck={false}
          defaultValue={submittedValue(state, "name")}
          aria-describedby="name-error"
          {...invalid(state, "name")}
          className={`${inputClass} font-mono`}
        />
        <datalist id="secret-names">
          {props.names.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <FieldError state={state} field="name" />
      </div>
      <div className="min-w-48 flex-1">
        <label htmlFor="secret-value" className="text-sm font-medium">
          Value
        </label>
        <input
          id="secret-value"
          name="value"
          type="password"
          required
          autoComplete="new-password"
          spellCheck={false}
          aria-describedby="value-error"
          {...invalid(state, "value")}
          className={`${inputClass} font-mono`}
        />
        <FieldError state={state} field="value" />
      </div>
      <SubmitButton pendingLabel="Saving…">Set secret</SubmitButton>
      <div className="basis-full">
        <FormStatus state={state} />
      </div>
    </form>
  );
}
