"use client";

import { useActionState } from "react";
import { reprovisionTeamAction } from "@/app/teams/actions";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";

/** Platform admins: apply the team's namespace, accounts, quota and limits again. */
export function ReprovisionForm({ team }: { team: string }) {
  const [state, action] = useActionState(reprovisionTeamAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="team" value={team} />
      <SubmitButton variant="secondary" pendingLabel="Provisioning…">
        Provision namespace again
      </SubmitButton>
      <FormStatus state={state} />
    </form>
  );
}
