import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/db-errors";
import { teamUseCase } from "@/lib/usecase/define";
import { role } from "@/lib/validation/fields";
import { dateTime } from "@/lib/validation/wire";
import { hoursFromNow } from "@/lib/validation/grant-hours";
import { addMemberInput } from "./member.types";
import { unsafeGrantMembership } from "./unsafe-grant-membership";

/** A lead adds someone by email; people who have not signed in yet get a pending grant. */
export const addMember = teamUseCase({
  name: "addMember",
  summary: "Grant a role to someone by email, for good or for `hours`; people who never signed in get it at their first sign-in",
  permissions: ["member.grant"],
  input: addMemberInput,
  output: z.object({ userId: z.uuid(), email: z.string(), role, pending: z.boolean(), expiresAt: dateTime.nullable() }),
  route: { method: "POST", path: "/teams/{team}/members", status: 201 },
  async run({ ctx, input }) {
    try {
      const { membership, user, pending } = await db().$transaction((tx) =>
        unsafeGrantMembership({
          tx,
          actor: ctx.actor,
          request: ctx.request,
          team: ctx.team,
          email: input.email,
          role: input.role,
          expiresAt: input.hours === undefined ? null : hoursFromNow(input.hours),
        }),
      );
      return { userId: user.id, email: user.email, role: membership.role, pending, expiresAt: membership.expiresAt };
    } catch (error) {
      // Two leads adding the same person at once: the unique (team, user) index decides.
      if (isUniqueViolation(error)) throw new AppError("CONFLICT", `${input.email} is already a member of ${ctx.team.name}.`);
      throw error;
    }
  },
});
