import { z } from "zod";
import { db } from "@/lib/db";
import { recordActorEvent } from "@/lib/audit/audit-events";
import { AppError } from "@/lib/errors";
import { adminUseCase } from "@/lib/usecase/define";
import { adminUserSelect, adminUserView, userIdParam } from "./admin-user.types";

/**
 * Disables (or enables again) a person: a disabled person cannot sign in, and their
 * sessions and tokens are refused from the next request (the session version is bumped,
 * lib/auth/session-user.ts; lib/tokens/authenticate-api-token.ts checks disabledAt).
 * Their memberships stay, so enabling them again restores what they had.
 */
export const setUserDisabled = adminUseCase({
  name: "setUserDisabled",
  summary: "Disable a person (no sign-in, sessions and tokens refused at once) or enable them again (platform admins)",
  input: userIdParam.extend({ disabled: z.boolean({ error: "must be true or false" }) }),
  output: adminUserView,
  route: { method: "PATCH", path: "/admin/users/{userId}" },
  async run({ ctx, input }) {
    if (input.userId === ctx.actor.id && input.disabled) throw new AppError("CONFLICT", "You cannot disable yourself.");
    return db().$transaction(async (tx) => {
      const user = await tx.user.findUnique({ where: { id: input.userId }, select: adminUserSelect });
      if (!user) throw new AppError("NOT_FOUND", "No such user.");
      if (Boolean(user.disabledAt) === input.disabled) return user;
      const updated = await tx.user.update({
        where: { id: user.id },
        data: { disabledAt: input.disabled ? new Date() : null, sessionVersion: { increment: 1 } },
        select: adminUserSelect,
      });
      await recordActorEvent(tx, ctx, "user.disable", {
        target: { type: "user", id: user.id },
        data: { email: user.email, disabled: input.disabled },
      });
      return updated;
    });
  },
});
