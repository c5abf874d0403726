"use client";

import { useActionState } from "react";
import type { FormAction } from "@/lib/adapters/form-action";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";

/** Approving hands an API token acting as you to whoever started this login: say so. */
export function ApproveCliLoginForm(props: { action: FormAction; code: string; clientName: string }) {
  const [state, action] = useActionState(props.action, null);
  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-6">
      <p>
        <span className="font-medium">{props.clientName}</span> asks to act as you with the slipway command line.
      </p>
      <p className="text-slate-600">
        Approve only if you ran <code className="rounded bg-slate-100 px-1">slipway login</code> yourself just now and your terminal shows
        this code:
      </p>
      <p className="font-mono text-2xl tracking-widest" data-testid="cli-login-code">
        {props.code}
      </p>
      {!state?.ok && (
        <form action={action}>
          <SubmitButton pendingLabel="Approving…">Approve</SubmitButton>
        </form>
      )}
      <FormStatus state={state} />
    </section>
  );
}
