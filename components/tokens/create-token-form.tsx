"use client";

import { useActionState } from "react";
import type { FormAction } from "@/lib/adapters/form-action";
import { FieldError, FormStatus, inputClass, invalid } from "@/components/ui/form-status";
import { CopyButton } from "@/components/ui/copy-button";
import { SubmitButton } from "@/components/ui/submit-button";

export function CreateTokenForm(props: { action: FormAction }) {
  const [state, action] = useActionState(props.action, null);
  return (
    <section aria-labelledby="new-token" className="max-w-xl space-y-3 rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="new-token" className="text-lg font-semibold">
        New token
      </h2>
      <form action={action} className="flex flex-wrap items-end gap-3">
        <div className="min-w-56 flex-1">
          <label htmlFor="token-name" className="text-sm font-medium">
            Name
          </label>
          <input
            id="token-name"
            name="name"
            {...invalid(state, "name")}
            required
            maxLength={100}
            placeholder="ci-deploys"
            aria-describedby="name-error"
            className={inputClass}
          />
          <FieldError state={state} field="name" />
        </div>
        <div>
          <label htmlFor="token-days" className="text-sm font-medium">
            Expires in (days)
          </label>
          <input
            id="token-days"
            name="expiresInDays"
            {...invalid(state, "expiresInDays")}
            type="number"
            min={1}
            max={365}
            defaultValue={30}
            aria-describedby="expiresInDays-error"
            className={inputClass}
          />
          <FieldError state={state} field="expiresInDays" />
        </div>
        <SubmitButton pendingLabel="Creating…">Create token</SubmitButton>
      </form>
      <FormStatus state={state} />
      {state?.ok && state.secret && (
        <div className="space-y-1">
          <label htmlFor="new-token-value" className="text-sm font-medium">
            Your new token
          </label>
          <div className="flex flex-wrap items-center gap-2">
            <input
              id="new-token-value"
              readOnly
              value={state.secret}
              onFocus={(event) => event.currentTarget.select()}
              className={`${inputClass} min-w-0 flex-1 font-mono`}
              data-testid="new-token"
            />
            <CopyButton text={state.secret} />
          </div>
          <p className="text-xs text-slate-600">Shown once: Slipway keeps only its hash.</p>
        </div>
      )}
    </section>
  );
}
