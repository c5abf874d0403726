"use client";

import { useActionState } from "react";
import type { FormAction } from "@/lib/adapters/form-action";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";

/** Platform admins: apply the team's namespace, accounts, quota and limits again. */
export function ReprovisionForm(props: { action: FormAction }) {
  const [state, action] = useActionState(props.action, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <SubmitButton variant="secondary" pendingLabel="Provisioning…">
        Provision namespace again
      </SubmitButton>
      <FormStatus state={state} />
    </form>
  );
}
