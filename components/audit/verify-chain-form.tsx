"use client";

import { useActionState } from "react";
import type { FormAction } from "@/lib/adapters/form-action";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";

export function VerifyChainForm(props: { action: FormAction }) {
  const [state, action] = useActionState(props.action, null);
  return (
    <section aria-labelledby="verify" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="verify" className="font-semibold">
        Tamper check
      </h2>
      <p className="text-sm text-slate-600">
        Each event carries a hash over its content and the event before it. Verifying recomputes the whole chain.
      </p>
      <form action={action}>
        <SubmitButton variant="secondary" pendingLabel="Verifying…">
          Verify audit chain
        </SubmitButton>
      </form>
      <FormStatus state={state} />
    </section>
  );
}
