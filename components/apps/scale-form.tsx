"use client";

import { useActionState } from "react";
import type { FormAction } from "@/lib/adapters/form-action";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";

export function ScaleForm(props: { action: FormAction; replicas: number }) {
  const [state, action] = useActionState(props.action, null);
  return (
    <form action={action} className="flex items-center gap-2">
      <label htmlFor="scale-replicas" className="text-sm">
        Replicas
      </label>
      <input
        id="scale-replicas"
        name="replicas"
        type="number"
        min={0}
        max={20}
        defaultValue={props.replicas}
        className="w-20 rounded-md border border-slate-300 px-2 py-1 text-sm"
      />
      <SubmitButton variant="secondary" pendingLabel="Scaling…">
        Scale
      </SubmitButton>
      <FormStatus state={state} />
    </form>
  );
}
