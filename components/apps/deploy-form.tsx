"use client";

import { useActionState } from "react";
import type { FormAction } from "@/lib/adapters/form-action";
import { FieldError, FormStatus, inputClass } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";

/**
 * The idempotency key is minted when the page renders: a double click or a resubmit
 * of this form sends the same key, so it deploys once.
 */
export function DeployForm(props: { action: FormAction; imageRepository: string; lastVersion: string; idempotencyKey: string }) {
  const [state, action] = useActionState(props.action, null);
  return (
    <form action={action} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />
      <div className="min-w-64 flex-1">
        <label htmlFor="version" className="text-sm font-medium">
          Image tag or digest
        </label>
        <div className="flex items-center gap-1">
          <span className="font-mono text-xs text-slate-500">{props.imageRepository}:</span>
          <input
            id="version"
            name="version"
            required
            defaultValue={props.lastVersion}
            aria-describedby="version-error"
            className={`${inputClass} font-mono`}
          />
        </div>
        <FieldError state={state} field="version" />
      </div>
      <SubmitButton pendingLabel="Starting…">Deploy</SubmitButton>
      <div className="basis-full">
        <FormStatus state={state} />
      </div>
    </form>
  );
}
