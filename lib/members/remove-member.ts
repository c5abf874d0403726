import { z } from "zod";
import { db } from "@/lib/db";
import { recordTeamEvent } from "@/lib/audit/audit-events";
import { revokeKubeAccess } from "@/lib/kube-access/revoke-kube-access";
import { teamUseCase } from "@/lib/usecase/define";
import { memberParam } from "./member.types";
import { unsafeEnsureAnotherLead, unsafeFindMembership, unsafeLockTeam } from "./unsafe-lock-team-leads";

export const removeMember = teamUseCase({
  name: "removeMember",
  summary: "Remove someone from the team (not the last lead); their kubectl access ends",
  permissions: ["member.grant"],
  input: memberParam,
  output: z.object({ userId: z.uuid(), email: z.string(), removed: z.boolean() }),
  route: { method: "DELETE", path: "/teams/{team}/members/{userId}" },
  async run({ ctx, input }) {
    const removed = await db().$transaction(async (tx) => {
      await unsafeLockTeam(tx, ctx.team.id);
      const membership = await unsafeFindMembership(tx, ctx.team.id, input.userId);
      if (membership.role === "LEAD") await unsafeEnsureAnotherLead(tx, ctx.team, input.userId);
      await tx.membership.delete({ where: { id: membership.id } });
      await recordTeamEvent(tx, ctx, "membership.revoke", {
        target: { type: "user", id: input.userId },
        data: { email: membership.user.email, role: membership.role },
      });
      return { userId: input.userId, email: membership.user.email, removed: true };
    });
    await revokeKubeAccess({ ctx, userId: input.userId, reason: "removed" });
    return removed;
  },
});
