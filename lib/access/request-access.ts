import { z } from "zod";
import { db } from "@/lib/db";
import { recordActorEvent } from "@/lib/audit/audit-events";
import { effectiveRole } from "@/lib/authz/effective-role";
import { ROLE_LABELS } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { unsafeLockTeam } from "@/lib/members/unsafe-lock-team-leads";
import { userUseCase } from "@/lib/usecase/define";
import { role } from "@/lib/validation/fields";
import {
  accessRequestSelect,
  accessRequestView,
  grantHours,
  hoursFromNow,
  PENDING_REQUEST_HOURS,
  reasonText,
  roleRank,
  toAccessRequestView,
} from "./access-request.types";

/**
 * Anyone signed in asks a team for a role (they need not be a member: that is the
 * point). One pending request per person and team; it expires if no lead acts in time.
 */
export const requestAccess = userUseCase({
  name: "requestAccess",
  summary: "Ask a team's leads for a role, with a reason and optionally for a limited time",
  input: z.object({ team: z.string(), role, reason: reasonText, hours: grantHours }),
  output: accessRequestView,
  route: { method: "POST", path: "/teams/{team}/access-requests", status: 201 },
  async run({ ctx, input }) {
    const team = await db().team.findUnique({ where: { slug: input.team }, select: { id: true, name: true, accessMaxHours: true } });
    if (!team) throw new AppError("NOT_FOUND", `Team "${input.team}" does not exist.`);
    if (input.hours !== undefined && input.hours > team.accessMaxHours) {
      throw new AppError("INVALID_INPUT", `hours: ${team.name} grants requested access for at most ${team.accessMaxHours} hours.`, {
        fieldErrors: { hours: [`must be at most ${team.accessMaxHours} hours (${team.name}'s limit)`] },
      });
    }
    const row = await db().$transaction(async (tx) => {
      // Requests and decisions in one team take turns, so two clicks make one request.
      await unsafeLockTeam(tx, team.id);
      const membership = await tx.membership.findUnique({
        where: { teamId_userId: { teamId: team.id, userId: ctx.actor.id } },
        select: { role: true, expiresAt: true, expiresTo: true },
      });
      const current = effectiveRole(membership ?? undefined);
      if (membership && !membership.expiresAt && roleRank(current) >= roleRank(input.role)) {
        throw new AppError("CONFLICT", `You are already a ${ROLE_LABELS[current!]} of ${team.name}.`, {
          fieldErrors: { role: [`you already have ${ROLE_LABELS[current!]}`] },
        });
      }
      const pending = await tx.accessRequest.findFirst({
        where: { teamId: team.id, requesterId: ctx.actor.id, status: "PENDING", expiresAt: { gt: new Date() } },
        select: { role: true },
      });
      if (pending) {
        throw new AppError(
          "CONFLICT",
          `You already asked ${team.name} for ${ROLE_LABELS[pending.role]}; wait for a lead to answer it (or for it to expire).`,
        );
      }
      const created = await tx.accessRequest.create({
        data: {
          teamId: team.id,
          requesterId: ctx.actor.id,
          role: input.role,
          reason: input.reason,
          hours: input.hours ?? null,
          expiresAt: hoursFromNow(PENDING_REQUEST_HOURS),
        },
        select: accessRequestSelect,
      });
      await recordActorEvent(tx, ctx, "access.request", {
        teamId: team.id,
        target: { type: "user", id: ctx.actor.id },
        data: { requestId: created.id, email: ctx.actor.email, role: input.role, reason: input.reason, hours: input.hours ?? null },
      });
      return created;
    });
    return toAccessRequestView(row);
  },
});
