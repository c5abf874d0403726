"use client";

import { useActionState } from "react";
import type { FormAction } from "@/lib/adapters/form-action";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";

type Member = { userId: string; email: string; role: "LEAD" | "DEPLOYER" | "VIEWER" };

/** `changeRole` and `remove` are bound to the team and this member by the page. */
export function MemberActions({
  member,
  changeRole: changeRoleAction,
  remove,
}: {
  member: Member;
  changeRole: FormAction;
  remove: FormAction;
}) {
  const [state, changeRole] = useActionState(changeRoleAction, null);
  return (
    <div className="flex flex-wrap items-start gap-3">
      <form action={changeRole} className="flex items-center gap-2">
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
        action={remove}
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
