import { z } from "zod";
import { db } from "@/lib/db";
import { recordTeamEvent } from "@/lib/audit/audit-events";
import { enqueueRelease } from "@/lib/engine/enqueue-release";
import { frozenUntil } from "@/lib/environments/release-gate";
import { AppError } from "@/lib/errors";
import { teamUseCase } from "@/lib/usecase/define";
import { pendingRelease } from "./pending-release";
import { releaseParams, releaseView } from "./release.types";
import { startReleaseEngine } from "./start-release-engine";

/**
 * Four eyes: a lead other than the one who asked lets a release waiting for approval
 * run (it becomes PENDING and the queue takes it). Nobody approves their own, platform
 * admins included. A freeze that began meanwhile holds it back until it ends.
 */
export const approveRelease = teamUseCase({
  name: "approveRelease",
  summary: "Approve a release waiting for approval (a lead other than its requester); it is then deployed",
  permissions: ["release.approve"],
  input: releaseParams,
  output: z.object({ release: releaseView }),
  route: { method: "POST", path: "/teams/{team}/apps/{app}/releases/{sequence}/approve" },
  async run({ ctx, input }) {
    const { app, release, environmentName } = await pendingRelease(ctx, input.app, input.sequence);
    if (release.requestedById === ctx.actor.id) {
      throw new AppError(
        "FORBIDDEN",
        `You requested release #${release.sequence}; another lead must approve it (four eyes), platform admins included.`,
      );
    }
    const until = release.environment ? frozenUntil(release.environment) : null;
    if (until) {
      throw new AppError(
        "CONFLICT",
        `${environmentName} is frozen until ${until.toISOString()}${release.environment?.freezeReason ? `: ${release.environment.freezeReason}` : ""}. Approve it after the freeze, or reject it.`,
      );
    }
    const approved = await db().$transaction(async (tx) => {
      const { count } = await tx.release.updateMany({
        where: { id: release.id, status: "AWAITING_APPROVAL" },
        data: { status: "PENDING" },
      });
      if (count === 0) throw new AppError("CONFLICT", `Release #${release.sequence} was approved or rejected meanwhile.`);
      await recordTeamEvent(tx, ctx, "release.approve", {
        target: { type: "release", id: release.id },
        data: {
          app: app.name,
          sequence: release.sequence,
          image: release.image,
          environment: environmentName,
          requestedBy: release.requestedBy?.email ?? null,
        },
      });
      return tx.release.findUniqueOrThrow({ where: { id: release.id } });
    });
    startReleaseEngine();
    enqueueRelease(approved.id);
    return { release: approved };
  },
});
