"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import type { FormAction } from "@/lib/adapters/form-action";
import { FormStatus } from "./form-status";
import { SubmitButton } from "./submit-button";

/**
 * A destructive action behind a confirmation dialog: the trigger opens a modal
 * <dialog> (Escape cancels, focus stays inside), and only its confirm button submits.
 * The dialog is drawn when it opens: a page of them (the release history's rollbacks)
 * carried every dialog's form, closed, in its HTML and payload.
 */
export function ConfirmForm(props: {
  action: FormAction;
  fields?: Record<string, string>;
  trigger: string;
  title: string;
  description: string;
  confirmLabel: string;
  /** Extra inputs inside the dialog (a choice that goes with the confirmation). */
  children?: React.ReactNode;
}) {
  const [state, formAction] = useActionState(props.action, null);
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const titleId = useId();
  useEffect(() => {
    if (open && !dialog.current?.open) dialog.current?.showModal();
  }, [open]);
  return (
    <div>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="rounded-md border border-red-300 px-2.5 py-1 text-sm text-red-700 hover:bg-red-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-600"
      >
        {props.trigger}
      </button>
      {open && (
        <dialog
          ref={dialog}
          aria-labelledby={titleId}
          // Escape, Cancel and a submit all close it; then it is no longer drawn.
          onClose={() => setOpen(false)}
          className="m-auto max-w-md rounded-lg bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
        >
          <form action={formAction} onSubmit={() => dialog.current?.close()} className="space-y-4">
            <h2 id={titleId} className="text-lg font-semibold">
              {props.title}
            </h2>
            <p className="text-sm text-slate-600">{props.description}</p>
            {props.children}
            {Object.entries(props.fields ?? {}).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            <div className="flex justify-end gap-2">
              <button
                type="button"
                onClick={() => dialog.current?.close()}
                className="rounded-md border border-slate-300 px-3 py-1.5 text-sm"
              >
                Cancel
              </button>
              <SubmitButton variant="danger" pendingLabel="Working…">
                {props.confirmLabel}
              </SubmitButton>
            </div>
          </form>
        </dialog>
      )}
      <FormStatus state={state} />
    </div>
  );
}
