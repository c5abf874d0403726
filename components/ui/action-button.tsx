"use client";

import { useActionState } from "react";
import type { FormAction } from "@/lib/adapters/form-action";
import { FormStatus } from "./form-status";
import { SubmitButton } from "./submit-button";

/** A one-button form for an action that needs no confirmation (it undoes nothing). */
export function ActionButton(props: { action: FormAction; label: string; pendingLabel: string }) {
  const [state, action] = useActionState(props.action, null);
  return (
    <form action={action} className="flex items-center gap-3">
      <SubmitButton variant="secondary" pendingLabel={props.pendingLabel}>
        {props.label}
      </SubmitButton>
      <FormStatus state={state} />
    </form>
  );
}
