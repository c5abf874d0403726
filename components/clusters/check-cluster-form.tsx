"use client";

import { useActionState } from "react";
import type { FormAction } from "@/lib/adapters/form-action";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";

/** Checks one cluster; the outcome is the status line. */
export function CheckClusterForm(props: { action: FormAction; cluster: string }) {
  const [state, action] = useActionState(props.action, null);
  return (
    <form action={action} className="space-y-1" aria-label={`Check ${props.cluster}`}>
      <SubmitButton variant="secondary" pendingLabel="Checking…">
        Check
      </SubmitButton>
      <FormStatus state={state} />
    </form>
  );
}
