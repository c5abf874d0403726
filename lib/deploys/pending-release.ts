import { db } from "@/lib/db";
import type { AnyTeamContext } from "@/lib/authz/team-context";
import { findApp } from "@/lib/apps/find-app";
import { AppError } from "@/lib/errors";

/** A release waiting for approval, with who asked and where; a clear error otherwise. */
export async function pendingRelease(ctx: AnyTeamContext, appName: string, sequence: number) {
  const app = await findApp(ctx, appName);
  const release = await db().release.findUnique({
    where: { appId_sequence: { appId: app.id, sequence } },
    include: { requestedBy: { select: { email: true } }, environment: { select: { name: true, freezeUntil: true, freezeReason: true } } },
  });
  if (!release) throw new AppError("NOT_FOUND", `${app.name} has no release #${sequence}.`);
  if (release.status !== "AWAITING_APPROVAL") {
    throw new AppError(
      "CONFLICT",
      `Release #${sequence} is not waiting for approval (it is ${release.status.toLowerCase().replace("_", " ")}).`,
    );
  }
  return { app, release, environmentName: release.environment?.name ?? "production" };
}
