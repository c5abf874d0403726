import { db } from "@/lib/db";
import { webhookDeliveriesInsertFrom } from "@/lib/audit/enqueue-webhook-deliveries";
import type { WebhookEventType } from "@/lib/audit/webhook-events";
import { Prisma } from "@/lib/generated/prisma/client";
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
  const action = outcome.status === "SUCCEEDED" ? "deploy.succeeded" : "deploy.failed";
  // The webhook event of the same name (lib/audit/webhook-events.ts).
  const webhookType: WebhookEventType = action;
  // The update, its audit event and the event's webhook deliveries in one statement: one
  // round trip and no transaction to hold a connection across (it was BEGIN, the update,
  // the event, COMMIT). No row, and so no event, when the release had ended already.
  const [finished] = await db().$queryRaw<Finished[]>`
    WITH finished AS (
      UPDATE "Release" r
      SET status = ${outcome.status}::"ReleaseStatus", error = ${error}, "finishedAt" = ${new Date()}::timestamptz,
          "imageDigest" = COALESCE(${imageDigest}, r."imageDigest")
      FROM "App" a
      WHERE r.id = ${releaseId}::uuid AND r.status IN ('PENDING', 'APPLYING', 'ROLLING_OUT') AND a.id = r."appId"
      RETURNING r.id, r.sequence, r.image, r."createdAt", r."finishedAt", a.name AS app, a."teamId", r."requestedById"
    ),
    event AS (
      -- Attributed to whoever asked for the release; the watcher only reports.
      SELECT f.*, u.id AS "actorId", u.email AS "actorEmail",
        jsonb_build_object('app', f.app, 'sequence', f.sequence, 'image', f.image) || ${JSON.stringify(error ? { error } : {})}::jsonb AS data
      FROM finished f LEFT JOIN "User" u ON u.id = f."requestedById"
    ),
    audit AS (
      INSERT INTO "AuditEvent" ("createdAt", "actorId", "actorEmail", "teamId", action, "targetType", "targetId", data)
      SELECT ${new Date()}::timestamptz, e."actorId", e."actorEmail", e."teamId",
        ${action}, 'release', e.id::text, e.data
      FROM event e
      RETURNING id
    ),
    outbox AS (${webhookDeliveriesInsertFrom(webhookType, Prisma.sql`event`)})
    SELECT id::text, sequence, image, "createdAt", "finishedAt" FROM event`;
  if (!finished) return false;
  publishProgress({ releaseId, status: outcome.status, error, ...(outcome.status === "SUCCEEDED" ? outcome.counts : {}) });
  const outcomeLabel = outcome.status.toLowerCase();
  metrics.deploys.inc({ outcome: outcomeLabel });
  metrics.releaseDuration.observe({ outcome: outcomeLabel }, (finished.finishedAt.getTime() - finished.createdAt.getTime()) / 1000);
  return true;
}

type Finished = { id: string; sequence: number; image: string; createdAt: Date; finishedAt: Date };
