import { db } from "@/lib/db";
import type { TeamContext } from "@/lib/authz/team-context";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { revokeKubeAccess } from "@/lib/teams/revoke-kube-access";
import type { ChangeMemberRoleInput } from "./members.types";
import { unsafeEnsureAnotherLead, unsafeFindMembership, unsafeLockTeam } from "./unsafe-lock-team-leads";

export async function changeMemberRole(options: { ctx: TeamContext; input: ChangeMemberRoleInput }) {
  const { ctx, input } = options;
  const result = await db().$transaction(async (tx) => {
    await unsafeLockTeam(tx, ctx.team.id);
    const membership = await unsafeFindMembership(tx, ctx.team.id, input.userId);
    if (membership.role === input.role) return { userId: input.userId, email: membership.user.email, role: input.role, changed: false };
    if (membership.role === "LEAD") await unsafeEnsureAnotherLead(tx, ctx.team, input.userId);
    await tx.membership.update({
      where: { id: membership.id },
      data: { role: input.role, grantedById: ctx.actor.id, grantedAt: new Date() },
    });
    await recordAuditEvent({
      tx,
      actor: ctx.actor,
      action: "membership.change",
      teamId: ctx.team.id,
      target: { type: "user", id: input.userId },
      data: { email: membership.user.email, from: membership.role, to: input.role },
      request: ctx.request,
    });
    return { userId: input.userId, email: membership.user.email, role: input.role, changed: true };
  });
  // Their kubeconfig carried the old role's rights; they download a new one.
  if (result.changed) await revokeKubeAccess({ ctx, userId: input.userId, reason: "role changed" });
  return result;
}
