import { db } from "@/lib/db";
import { recordActorEvent } from "@/lib/audit/audit-events";
import { AppError } from "@/lib/errors";
import { adminUseCase } from "@/lib/usecase/define";
import { adminUserSelect, adminUserView, userIdParam } from "./admin-user.types";

/**
 * Re-links a person whose IdP subject changed (a new IdP, a re-created account): their
 * row forgets its issuer and subject, so their next sign-in with the same email claims
 * it, with their teams and history, instead of being refused as "email taken". Their
 * current sessions end. Audited with the identity it forgot.
 */
export const unlinkUserIdentity = adminUseCase({
  name: "unlinkUserIdentity",
  summary: "Forget a person's IdP identity so that their next sign-in with the same email re-links it (platform admins)",
  input: userIdParam,
  output: adminUserView,
  route: { method: "DELETE", path: "/admin/users/{userId}/identity" },
  async run({ ctx, input }) {
    if (input.userId === ctx.actor.id) throw new AppError("CONFLICT", "Ask another admin to re-link your own account.");
    return db().$transaction(async (tx) => {
      const user = await tx.user.findUnique({ where: { id: input.userId }, select: adminUserSelect });
      if (!user) throw new AppError("NOT_FOUND", "No such user.");
      const updated = await tx.user.update({
        where: { id: user.id },
        data: { issuer: null, subject: null, sessionVersion: { increment: 1 } },
        select: adminUserSelect,
      });
      await recordActorEvent(tx, ctx, "user.relink", {
        target: { type: "user", id: user.id },
        data: { email: user.email, previousIssuer: user.issuer, previousSubject: user.subject },
      });
      return updated;
    });
  },
});
