import { db } from "@/lib/db";
import type { TeamContext } from "@/lib/authz/team-context";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { revokeKubeAccess } from "@/lib/teams/revoke-kube-access";
import type { RemoveMemberInput } from "./members.types";
import { unsafeEnsureAnotherLead, unsafeFindMembership, unsafeLockTeam } from "./unsafe-lock-team-leads";

export async function removeMember(options: { ctx: TeamContext; input: RemoveMemberInput }) {
  const { ctx, input } = options;
  const removed = await db().$transaction(async (tx) => {
    await unsafeLockTeam(tx, ctx.team.id);
    const membership = await unsafeFindMembership(tx, ctx.team.id, input.userId);
    if (membership.role === "LEAD") await unsafeEnsureAnotherLead(tx, ctx.team, input.userId);
    await tx.membership.delete({ where: { id: membership.id } });
    await recordAuditEvent({
      tx,
      actor: ctx.actor,
      action: "membership.revoke",
      teamId: ctx.team.id,
      target: { type: "user", id: input.userId },
      data: { email: membership.user.email, role: membership.role },
      request: ctx.request,
    });
    return { userId: input.userId, email: membership.user.email, removed: true };
  });
  await revokeKubeAccess({ ctx, userId: input.userId, reason: "removed" });
  return removed;
}
