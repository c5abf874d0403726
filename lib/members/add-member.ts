import { db } from "@/lib/db";
import type { TeamContext } from "@/lib/authz/team-context";
import { AppError } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/db-errors";
import type { AddMemberInput } from "./members.types";
import { unsafeGrantMembership } from "./unsafe-grant-membership";

/** A lead adds someone by email; people who have not signed in yet get a pending grant. */
export async function addMember(options: { ctx: TeamContext; input: AddMemberInput }) {
  const { ctx, input } = options;
  try {
    const { membership, user, pending } = await db().$transaction((tx) =>
      unsafeGrantMembership({ tx, actor: ctx.actor, request: ctx.request, team: ctx.team, email: input.email, role: input.role }),
    );
    return { userId: user.id, email: user.email, role: membership.role, pending };
  } catch (error) {
    // Two leads adding the same person at once: the unique (team, user) index decides.
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", `${input.email} is already a member of ${ctx.team.name}.`);
    throw error;
  }
}
