import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { metrics } from "@/lib/observability/metrics";
import { publishProgress } from "./progress-bus";

const IN_FLIGHT = ["PENDING", "APPLYING", "ROLLING_OUT"] as const;

/**
 * Ends a release once: the conditional update means a second watcher (another
 * replica, a resumed watch) cannot finish it again or record a second audit event.
 */
export async function finishRelease(
  releaseId: string,
  /** imageDigest: what the pods ran (lib/deploys/image-digest.ts), for promotions to pin. */
  outcome: { status: "SUCCEEDED"; imageDigest?: string | null } | { status: "FAILED"; error: string },
) {
  const error = outcome.status === "FAILED" ? outcome.error.slice(0, 4000) : null;
  const finished = await db().$transaction(async (tx) => {
    const { count } = await tx.release.updateMany({
      where: { id: releaseId, status: { in: [...IN_FLIGHT] } },
      data: {
        status: outcome.status,
        error,
        finishedAt: new Date(),
        ...(outcome.status === "SUCCEEDED" && outcome.imageDigest ? { imageDigest: outcome.imageDigest } : {}),
      },
    });
    if (count === 0) return false;
    const release = await tx.release.findUniqueOrThrow({
      where: { id: releaseId },
      include: { app: { select: { name: true, teamId: true } }, requestedBy: { select: { id: true, email: true } } },
    });
    await recordAuditEvent({
      tx,
      // Attributed to whoever asked for the release; the watcher only reports.
      actor: release.requestedBy,
      action: outcome.status === "SUCCEEDED" ? "deploy.succeeded" : "deploy.failed",
      teamId: release.app.teamId,
      target: { type: "release", id: release.id },
      data: { app: release.app.name, sequence: release.sequence, image: release.image, ...(error ? { error } : {}) },
    });
    return true;
  });
  if (finished) {
    publishProgress({ releaseId, status: outcome.status, error });
    const outcomeLabel = outcome.status.toLowerCase();
    metrics.deploys.inc({ outcome: outcomeLabel });
    const row = await db()
      .release.findUnique({ where: { id: releaseId }, select: { createdAt: true, finishedAt: true } })
      .catch(() => null);
    if (row?.finishedAt)
      metrics.releaseDuration.observe({ outcome: outcomeLabel }, (row.finishedAt.getTime() - row.createdAt.getTime()) / 1000);
  }
  return finished;
}
