import { z } from "zod";
import { db } from "@/lib/db";
import { recordTeamEvent } from "@/lib/audit/audit-events";
import { ROLE_LABELS } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { revokeKubeAccess } from "@/lib/kube-access/revoke-kube-access";
import { unsafeLockTeam } from "@/lib/members/unsafe-lock-team-leads";
import { teamUseCase } from "@/lib/usecase/define";
import { role } from "@/lib/validation/fields";
import {
  accessRequestSelect,
  accessRequestView,
  grantHours,
  hoursFromNow,
  requestId,
  roleRank,
  toAccessRequestView,
} from "./access-request.types";
import { unsafeFindPendingRequest } from "./unsafe-find-pending-request";
import { unsafeGrantTimeBound } from "./unsafe-grant-time-bound";

/**
 * A lead grants what was asked, or less: a lower role, a shorter time. Never by the
 * person who asked (a lead or platform admin asking for more still needs someone else).
 */
export const approveAccessRequest = teamUseCase({
  name: "approveAccessRequest",
  summary: "Approve a pending access request, possibly with a lower role or for fewer hours than asked",
  permissions: ["access.approve"],
  input: z.object({
    requestId,
    role: role.optional().describe("The role to grant; at most the one asked for (default: as asked)"),
    hours: grantHours.describe("How long the grant lasts; at most what was asked for (default: as asked)"),
  }),
  output: accessRequestView,
  route: { method: "POST", path: "/teams/{team}/access-requests/{requestId}/approve" },
  async run({ ctx, input }) {
    const { row, previous, changed } = await db().$transaction(async (tx) => {
      await unsafeLockTeam(tx, ctx.team.id);
      const request = await unsafeFindPendingRequest(tx, ctx.team.id, input.requestId);
      if (request.requester.id === ctx.actor.id) {
        throw new AppError(
          "FORBIDDEN",
          "You cannot approve your own access request: another lead of this team (or a platform admin) must.",
        );
      }
      const granted = input.role ?? request.role;
      if (roleRank(granted) > roleRank(request.role)) {
        throw new AppError("INVALID_INPUT", `role: at most ${ROLE_LABELS[request.role]}, the role that was asked for.`, {
          fieldErrors: { role: [`must be at most ${ROLE_LABELS[request.role]} (what was asked for)`] },
        });
      }
      const hours = input.hours ?? request.hours ?? undefined;
      if (request.hours !== null && hours !== undefined && hours > request.hours) {
        throw new AppError("INVALID_INPUT", `hours: at most ${request.hours}, the time that was asked for.`, {
          fieldErrors: { hours: [`must be at most ${request.hours} hours (what was asked for)`] },
        });
      }
      const until = hours === undefined ? null : hoursFromNow(hours);
      const grant = await unsafeGrantTimeBound(tx, {
        team: ctx.team,
        userId: request.requester.id,
        email: request.requester.email,
        role: granted,
        until,
        grantedById: ctx.actor.id,
      });
      const approved = await tx.accessRequest.update({
        where: { id: request.id },
        data: { status: "APPROVED", decidedById: ctx.actor.id, decidedAt: new Date(), grantedRole: granted, grantedUntil: until },
        select: accessRequestSelect,
      });
      await recordTeamEvent(tx, ctx, "access.approve", {
        target: { type: "user", id: request.requester.id },
        data: {
          requestId: request.id,
          email: request.requester.email,
          role: granted,
          until: until?.toISOString() ?? null,
          requested: request.role,
          from: grant.previous,
        },
      });
      return { row: approved, ...grant };
    });
    // Their kubeconfig carried the old role's rights; they download a new one.
    if (previous && changed) await revokeKubeAccess({ ctx, userId: row.requester.id, reason: "role changed" });
    return toAccessRequestView(row);
  },
});
