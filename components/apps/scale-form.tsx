"use client";

import { useActionState, useId, useRef } from "react";
import type { FormAction } from "@/lib/adapters/form-action";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";

/**
 * Scales the app. Scaling to 0 stops every pod, so it asks first; an empty box is
 * refused by the browser (required) and by the server ("is required").
 */
export function ScaleForm(props: { action: FormAction; replicas: number; app: string }) {
  const [state, action] = useActionState(props.action, null);
  const form = useRef<HTMLFormElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const confirmed = useRef(false);
  const titleId = useId();
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    const replicas = new FormData(event.currentTarget).get("replicas");
    if (replicas === "0" && !confirmed.current) {
      event.preventDefault();
      dialog.current?.showModal();
    }
    confirmed.current = false;
  };
  const confirmZero = () => {
    confirmed.current = true;
    dialog.current?.close();
    form.current?.requestSubmit();
  };
  return (
    <div>
      <form ref={form} action={action} onSubmit={onSubmit} className="flex items-center gap-2">
        <label htmlFor="scale-replicas" className="text-sm">
          Replicas
        </label>
        <input
          id="scale-replicas"
          name="replicas"
          type="number"
          required
          min={0}
          max={20}
          defaultValue={props.replicas}
          className="w-20 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
        />
        <SubmitButton variant="secondary" pendingLabel="Scaling…">
          Scale
        </SubmitButton>
      </form>
      <dialog ref={dialog} aria-labelledby={titleId} className="m-auto max-w-md rounded-lg bg-white p-6 shadow-xl backdrop:bg-slate-900/40">
        <div className="space-y-4">
          <h2 id={titleId} className="text-lg font-semibold">
            Scale {props.app} to 0?
          </h2>
          <p className="text-sm text-slate-600">Every pod is stopped and the app stops serving until you scale it up again.</p>
          <div className="flex justify-end gap-2">
            <button
              type="button"
              onClick={() => dialog.current?.close()}
              className="rounded-md border border-slate-300 px-3 py-1.5 text-sm"
            >
              Cancel
            </button>
            <button type="button" onClick={confirmZero} className="rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white">
              Scale to 0
            </button>
          </div>
        </div>
      </dialog>
      <FormStatus state={state} />
    </div>
  );
}
