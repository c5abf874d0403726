import { db } from "@/lib/db";
import type { TeamContext } from "@/lib/authz/team-context";
import { recordTeamEvent } from "@/lib/audit/audit-events";
import { clusterRoleOf } from "@/lib/authz/authorize";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import { appSettingsOf } from "@/lib/apps/spec-of-app";
import type { ReleaseSpec, SecretRef } from "@/lib/apps/release-spec";
import { enqueueRelease } from "@/lib/engine/enqueue-release";
import { startReleaseEngine } from "./start-release-engine";
import type { TeamEnvironment } from "@/lib/environments/team-environments";
import { releaseGate } from "@/lib/environments/release-gate";

/**
 * Step 3 of the deploy flow: the Release row (PENDING) and its audit event in one
 * transaction. A repeated idempotency key returns the release it created before,
 * so a double click or a retried request deploys once. Every release runs with the
 * secret versions set when it is made (values cannot be rolled back, only versions recorded).
 */
export async function requestRelease(options: {
  ctx: TeamContext<"app.deploy">;
  app: { id: string; name: string };
  /** Where it is deployed. */
  environment: TeamEnvironment;
  spec: ReleaseSpec;
  idempotencyKey?: string;
  rollbackOf?: { id: string; sequence: number };
  reapplyOf?: { sequence: number };
  /** The spec also becomes the app's saved settings (a rollback: the next Deploy keeps it). */
  saveAsSettings?: boolean;
  /** Why Slipway started it, for the audit log ("secret DATABASE_URL changed"). */
  reason?: string;
  /** A lead's reason to deploy into a frozen environment (lib/environments/release-gate.ts). */
  overrideReason?: string;
  /** A promotion: recorded as deploy.promote instead of deploy.request. */
  promotion?: { from: string; fromSequence: number; digest: string };
}) {
  const { ctx, app, idempotencyKey } = options;
  const { secrets: _frozen, ...asked } = options.spec;
  const existing = async () => {
    if (!idempotencyKey) return null;
    const found = await db().release.findUnique({ where: { appId_idempotencyKey: { appId: app.id, idempotencyKey } } });
    if (found && found.image !== asked.image) {
      throw new AppError(
        "CONFLICT",
        `Idempotency key "${idempotencyKey}" was already used for release #${found.sequence} with image ${found.image}.`,
      );
    }
    return found;
  };
  const earlier = await existing();
  if (earlier) return { release: earlier, created: false };
  const gate = releaseGate({ ctx, environment: options.environment, overrideReason: options.overrideReason });
  try {
    const release = await db().$transaction(async (tx) => {
      // Locks the App row (serialising sequence numbers per app) and reads the next number, with the
      // versions of the app's secrets in the environment (what the release runs with): one round trip.
      const [{ sequence, secrets }] = await tx.$queryRaw<[{ sequence: number; secrets: SecretRef[] }]>`
        SELECT slipway_next_release_sequence(${app.id}::uuid) AS sequence,
          COALESCE((SELECT jsonb_agg(jsonb_build_object('name', s.name, 'version', s.version) ORDER BY s.name)
                    FROM "AppSecret" s
                    WHERE s."appId" = ${app.id}::uuid AND s."environmentId" = ${options.environment.id}::uuid AND s."removedAt" IS NULL),
                   '[]'::jsonb) AS secrets`;
      if (options.saveAsSettings) {
        await tx.app.update({ where: { id: app.id }, data: appSettingsOf({ ...asked, name: app.name }) });
      }
      const spec = { ...asked, ...(secrets.length > 0 ? { secrets } : {}) };
      const created = await tx.release.create({
        data: {
          appId: app.id,
          sequence,
          image: spec.image,
          spec,
          requestedById: ctx.actor.id,
          idempotencyKey: idempotencyKey ?? null,
          rollbackOfId: options.rollbackOf?.id ?? null,
          environmentId: options.environment.id,
          status: gate.status,
          // The runner applies it with this role's token, so the API server refuses
          // what the requester's role may not do even if Slipway's own check failed.
          clusterRole: clusterRoleOf(ctx),
        },
      });
      const target = { type: "release", id: created.id } as const;
      if (gate.override) {
        await recordTeamEvent(tx, ctx, "environment.freeze.override", {
          target,
          data: {
            app: app.name,
            sequence: created.sequence,
            environment: options.environment.name,
            frozenUntil: gate.override.frozenUntil.toISOString(),
            freezeReason: gate.override.freezeReason,
            reason: gate.override.reason,
          },
        });
      }
      if (options.promotion) {
        await recordTeamEvent(tx, ctx, "deploy.promote", {
          target,
          data: {
            app: app.name,
            sequence: created.sequence,
            image: created.image,
            digest: options.promotion.digest,
            fromSequence: options.promotion.fromSequence,
            from: options.promotion.from,
            to: options.environment.name,
            environment: options.environment.name,
            awaitingApproval: gate.status === "AWAITING_APPROVAL",
          },
        });
        return created;
      }
      await recordTeamEvent(tx, ctx, "deploy.request", {
        target,
        data: {
          app: app.name,
          sequence: created.sequence,
          image: created.image,
          ...(options.rollbackOf ? { rollbackOf: options.rollbackOf.sequence } : {}),
          ...(options.reapplyOf ? { reapplyOf: options.reapplyOf.sequence } : {}),
          environment: options.environment.name,
          ...(options.reason ? { reason: options.reason } : {}),
        },
      });
      return created;
    });
    // Scripts and tests start this process's engine here; the server did at start-up.
    startReleaseEngine();
    // One waiting for approval is enqueued when a second lead approves it (lib/deploys/approve-release.ts).
    if (release.status === "PENDING") enqueueRelease(release.id);
    return { release, created: true };
  } catch (error) {
    // The same key raced in from two requests: the other one won.
    if (isUniqueViolation(error)) {
      const winner = await existing();
      if (winner) return { release: winner, created: false };
    }
    throw error;
  }
}
