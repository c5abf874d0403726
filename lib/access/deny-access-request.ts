import { z } from "zod";
import { db } from "@/lib/db";
import { recordTeamEvent } from "@/lib/audit/audit-events";
import { unsafeLockTeam } from "@/lib/members/unsafe-lock-team-leads";
import { teamUseCase } from "@/lib/usecase/define";
import { accessRequestSelect, accessRequestView, reasonText, requestId, toAccessRequestView } from "./access-request.types";
import { unsafeFindPendingRequest } from "./unsafe-find-pending-request";

export const denyAccessRequest = teamUseCase({
  name: "denyAccessRequest",
  summary: "Deny a pending access request, with a reason the requester sees",
  permissions: ["access.approve"],
  input: z.object({ requestId, reason: reasonText }),
  output: accessRequestView,
  route: { method: "POST", path: "/teams/{team}/access-requests/{requestId}/deny" },
  async run({ ctx, input }) {
    const row = await db().$transaction(async (tx) => {
      await unsafeLockTeam(tx, ctx.team.id);
      const request = await unsafeFindPendingRequest(tx, ctx.team.id, input.requestId);
      const denied = await tx.accessRequest.update({
        where: { id: request.id },
        data: { status: "DENIED", decidedById: ctx.actor.id, decidedAt: new Date(), decisionReason: input.reason },
        select: accessRequestSelect,
      });
      await recordTeamEvent(tx, ctx, "access.deny", {
        target: { type: "user", id: request.requester.id },
        data: { requestId: request.id, email: request.requester.email, role: request.role, reason: input.reason },
      });
      return denied;
    });
    return toAccessRequestView(row);
  },
});
