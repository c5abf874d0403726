"use client";

import { useActionState } from "react";
import { changeMemberRoleAction, removeMemberAction } from "@/app/teams/[team]/actions";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";

type Member = { userId: string; email: string; role: "LEAD" | "DEPLOYER" | "VIEWER" };

export function MemberActions({ team, member }: { team: string; member: Member }) {
  const [state, changeRole] = useActionState(changeMemberRoleAction.bind(null, team), null);
  return (
    <div className="flex flex-wrap items-start gap-3">
      <form action={changeRole} className="flex items-center gap-2">
        <input type="hidden" name="userId" value={member.userId} />
        <label className="sr-only" htmlFor={`role-${member.userId}`}>
          Role of {member.email}
        </label>
        <select
          id={`role-${member.userId}`}
          name="role"
          defaultValue={member.role}
          className="rounded-md border border-slate-300 px-2 py-1 text-sm"
        >
          <option value="VIEWER">Viewer</option>
          <option value="DEPLOYER">Deployer</option>
          <option value="LEAD">Lead</option>
        </select>
        <SubmitButton variant="secondary" pendingLabel="Saving…">
          Save role
        </SubmitButton>
      </form>
      <ConfirmForm
        action={removeMemberAction.bind(null, team)}
        fields={{ userId: member.userId }}
        trigger="Remove"
        title={`Remove ${member.email}?`}
        description="They lose access to this team at once, and a kubeconfig they downloaded stops working within seconds. You can add them again later."
        confirmLabel="Remove member"
      />
      <div className="basis-full">
        <FormStatus state={state} />
      </div>
    </div>
  );
}
