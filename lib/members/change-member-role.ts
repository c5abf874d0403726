import { z } from "zod";
import { db } from "@/lib/db";
import { recordTeamEvent } from "@/lib/audit/audit-events";
import { revokeKubeAccess } from "@/lib/kube-access/revoke-kube-access";
import { teamUseCase } from "@/lib/usecase/define";
import { role } from "@/lib/validation/fields";
import { unsafeEnsureAnotherLead, unsafeFindMembership, unsafeLockTeam } from "./unsafe-lock-team-leads";

export const changeMemberRole = teamUseCase({
  name: "changeMemberRole",
  summary: "Change a member's role; the last lead cannot be demoted. Their kubectl access is revoked (they download a new kubeconfig)",
  permissions: ["member.grant"],
  input: z.object({ userId: z.uuid("must be a user id"), role }),
  output: z.object({ userId: z.uuid(), email: z.string(), role, changed: z.boolean() }),
  route: { method: "PATCH", path: "/teams/{team}/members/{userId}" },
  async run({ ctx, input }) {
    const result = await db().$transaction(async (tx) => {
      await unsafeLockTeam(tx, ctx.team.id);
      const membership = await unsafeFindMembership(tx, ctx.team.id, input.userId);
      if (membership.role === input.role) return { userId: input.userId, email: membership.user.email, role: input.role, changed: false };
      if (membership.role === "LEAD") await unsafeEnsureAnotherLead(tx, ctx.team, input.userId);
      await tx.membership.update({
        where: { id: membership.id },
        data: { role: input.role, grantedById: ctx.actor.id, grantedAt: new Date() },
      });
      await recordTeamEvent(tx, ctx, "membership.change", {
        target: { type: "user", id: input.userId },
        data: { email: membership.user.email, from: membership.role, to: input.role },
      });
      return { userId: input.userId, email: membership.user.email, role: input.role, changed: true };
    });
    // Their kubeconfig carried the old role's rights; they download a new one.
    if (result.changed) await revokeKubeAccess({ ctx, userId: input.userId, reason: "role changed" });
    return result;
  },
});
