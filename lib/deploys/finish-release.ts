import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { metrics } from "@/lib/observability/metrics";
import { publishProgress } from "./progress-bus";

/**
 * Ends a release once: the conditional update means a second watcher (another
 * replica, a resumed watch) cannot finish it again or record a second audit event.
 */
export async function finishRelease(
  releaseId: string,
  /**
   * imageDigest: what the pods ran (lib/deploys/image-digest.ts), for promotions to pin;
   * counts: the rollout's last, sent with the outcome so a watcher that missed them still ends on them.
   */
  outcome:
    | { status: "SUCCEEDED"; imageDigest?: string | null; counts?: { updated: number; available: number; desired: number } }
    | { status: "FAILED"; error: string },
) {
  const error = outcome.status === "FAILED" ? outcome.error.slice(0, 4000) : null;
  const imageDigest = outcome.status === "SUCCEEDED" ? (outcome.imageDigest ?? null) : null;
  const finished = await db().$transaction(async (tx) => {
    // The update and what the audit event says, in one round trip; no row when it had ended already.
    const [release] = await tx.$queryRaw<Finished[]>`
      UPDATE "Release" r
      SET status = ${outcome.status}::"ReleaseStatus", error = ${error}, "finishedAt" = ${new Date()}::timestamptz,
          "imageDigest" = COALESCE(${imageDigest}, r."imageDigest")
      FROM "App" a
      WHERE r.id = ${releaseId}::uuid AND r.status IN ('PENDING', 'APPLYING', 'ROLLING_OUT') AND a.id = r."appId"
      RETURNING r.id::text, r.sequence, r.image, r."createdAt", r."finishedAt", a.name AS app, a."teamId"::text AS "teamId",
        (SELECT jsonb_build_object('id', u.id, 'email', u.email) FROM "User" u WHERE u.id = r."requestedById") AS "requestedBy"`;
    if (!release) return null;
    await recordAuditEvent({
      tx,
      // Attributed to whoever asked for the release; the watcher only reports.
      actor: release.requestedBy,
      action: outcome.status === "SUCCEEDED" ? "deploy.succeeded" : "deploy.failed",
      teamId: release.teamId,
      target: { type: "release", id: release.id },
      data: { app: release.app, sequence: release.sequence, image: release.image, ...(error ? { error } : {}) },
    });
    return release;
  });
  if (!finished) return false;
  publishProgress({ releaseId, status: outcome.status, error, ...(outcome.status === "SUCCEEDED" ? outcome.counts : {}) });
  const outcomeLabel = outcome.status.toLowerCase();
  metrics.deploys.inc({ outcome: outcomeLabel });
  metrics.releaseDuration.observe({ outcome: outcomeLabel }, (finished.finishedAt.getTime() - finished.createdAt.getTime()) / 1000);
  return true;
}

type Finished = {
  id: string;
  sequence: number;
  image: string;
  createdAt: Date;
  finishedAt: Date;
  app: string;
  teamId: string;
  requestedBy: { id: string; email: string } | null;
};
