import { z } from "zod";
import { db } from "@/lib/db";
import { recordTeamEvent } from "@/lib/audit/audit-events";
import { AppError } from "@/lib/errors";
import { teamUseCase } from "@/lib/usecase/define";
import { pendingRelease } from "./pending-release";
import { publishProgress } from "./progress-bus";
import { releaseParams, releaseView } from "./release.types";

/**
 * A lead refuses a release waiting for approval: it ends FAILED with who and why, and
 * never reaches the cluster. Refusing is the safe direction, so the requester (a lead)
 * may also withdraw their own.
 */
export const rejectRelease = teamUseCase({
  name: "rejectRelease",
  summary: "Reject a release waiting for approval, with a reason; it ends failed and is never deployed",
  permissions: ["release.approve"],
  input: releaseParams.extend({
    reason: z.string().trim().min(1, "is required: say why").max(500, "must be at most 500 characters"),
  }),
  output: z.object({ release: releaseView }),
  route: { method: "POST", path: "/teams/{team}/apps/{app}/releases/{sequence}/reject" },
  async run({ ctx, input }) {
    const { app, release, environmentName } = await pendingRelease(ctx, input.app, input.sequence);
    const error = `Rejected by ${ctx.actor.email}: ${input.reason}`;
    const rejected = await db().$transaction(async (tx) => {
      const { count } = await tx.release.updateMany({
        where: { id: release.id, status: "AWAITING_APPROVAL" },
        data: { status: "FAILED", error, finishedAt: new Date() },
      });
      if (count === 0) throw new AppError("CONFLICT", `Release #${release.sequence} was approved or rejected meanwhile.`);
      await recordTeamEvent(tx, ctx, "release.reject", {
        target: { type: "release", id: release.id },
        data: {
          app: app.name,
          sequence: release.sequence,
          image: release.image,
          environment: environmentName,
          requestedBy: release.requestedBy?.email ?? null,
          reason: input.reason,
        },
      });
      return tx.release.findUniqueOrThrow({ where: { id: release.id } });
    });
    publishProgress({ releaseId: release.id, status: "FAILED", error });
    return { release: rejected };
  },
});
