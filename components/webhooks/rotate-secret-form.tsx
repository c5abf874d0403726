"use client";

import { useActionState, useId, useRef } from "react";
import type { FormAction } from "@/lib/adapters/form-action";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { SecretOnce } from "./secret-once";

/**
 * A new signing secret, behind a confirmation (the receiver's copy of the old one stops
 * verifying at once), shown once.
 */
export function RotateSecretForm(props: { action: FormAction; webhookId: string }) {
  const [state, action] = useActionState(props.action, null);
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  return (
    <div className="space-y-2">
      <button
        type="button"
        onClick={() => dialog.current?.showModal()}
        className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-600"
      >
        Rotate secret
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto max-w-md rounded-lg bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
      >
        <form action={action} onSubmit={() => dialog.current?.close()} className="space-y-4">
          <h2 id={titleId} className="text-lg font-semibold">
            Rotate the signing secret?
          </h2>
          <p className="text-sm text-slate-600">
            Deliveries are signed with the new secret from now on; the receiver must be given it, or it will refuse them.
          </p>
          <div className="flex justify-end gap-2">
            <button
              type="button"
              onClick={() => dialog.current?.close()}
              className="rounded-md border border-slate-300 px-3 py-1.5 text-sm"
            >
              Cancel
            </button>
            <SubmitButton variant="danger" pendingLabel="Rotating…">
              Rotate secret
            </SubmitButton>
          </div>
        </form>
      </dialog>
      <FormStatus state={state} />
      {state?.ok && state.secret && <SecretOnce secret={state.secret} id={`secret-${props.webhookId}`} />}
    </div>
  );
}
