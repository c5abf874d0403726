import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { Prisma, type Release } from "@/lib/generated/prisma/client";
import type { TeamContext } from "@/lib/authz/team-context";
import type { AuditAction, AuditPayloads } from "@/lib/audit/audit-events";
import { auditEventsSql, type NewAuditEvent } from "@/lib/audit/record-audit-event";
import { clusterRoleOf } from "@/lib/authz/authorize";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import { appSettingsOf } from "@/lib/apps/spec-of-app";
import type { ReleaseSpec } from "@/lib/apps/release-spec";
import { enqueueRelease } from "@/lib/engine/enqueue-release";
import { startReleaseEngine } from "./start-release-engine";
import { engineState } from "@/lib/engine/process-state";
import { admission } from "@/lib/http/server-hook";
import { env } from "@/lib/env";
import type { TeamEnvironment } from "@/lib/environments/team-environments";
import { releaseGate } from "@/lib/environments/release-gate";
import type { HandedOver } from "./run-release";

/**
 * Step 3 of the deploy flow: the Release row (PENDING; APPLYING when this replica runs
 * it at once, below) and its audit event in one statement. A repeated idempotency key
 * returns the release it created before, so a double click or a retried request deploys once. Every release runs with the
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
  const id = randomUUID();
  const target = { type: "release", id } as const;
  const environment = options.environment.name;
  // Each event's data without the sequence number, which the statement adds (below).
  const events: NewAuditEvent[] = [];
  const event = <A extends AuditAction>(action: A, data: Omit<AuditPayloads[A], "sequence">) =>
    events.push({ actor: ctx.actor, action, teamId: ctx.team.id, target, data: data as never, request: ctx.request, via: ctx.actor.via });
  if (gate.override) {
    const { frozenUntil, freezeReason, reason } = gate.override;
    event("environment.freeze.override", { app: app.name, environment, frozenUntil: frozenUntil.toISOString(), freezeReason, reason });
  }
  if (options.promotion) {
    const { digest, fromSequence, from } = options.promotion;
    const awaitingApproval = gate.status === "AWAITING_APPROVAL";
    event("deploy.promote", {
      app: app.name,
      image: asked.image,
      digest,
      fromSequence,
      from,
      to: environment,
      environment,
      awaitingApproval,
    });
  } else {
    event("deploy.request", {
      app: app.name,
      image: asked.image,
      ...(options.rollbackOf ? { rollbackOf: options.rollbackOf.sequence } : {}),
      ...(options.reapplyOf ? { reapplyOf: options.reapplyOf.sequence } : {}),
      environment,
      ...(options.reason ? { reason: options.reason } : {}),
    });
  }
  // Scripts and tests start this process's engine here; the server did at start-up.
  startReleaseEngine();
  // This replica runs it at once if it is not serving other requests, its worker has
  // room and no other release of the app in the environment is still to be applied.
  // Otherwise the queue's rule holds: in a burst the newest release of an app applies and
  // the others wait unclaimed (lib/engine/release-queue.ts). On PostgreSQL only: on the
  // single-connection PGlite, releases started this way slowed the requests of a burst
  // that followed (BENCH_ONLY=deploys at 50: p95 to the 202 0.5 s -> 0.9 s). One waiting
  // for approval is enqueued when a second lead approves it (lib/deploys/approve-release.ts).
  const quiet = Boolean(env.DATABASE_URL) && admission().open <= 1;
  const slot = gate.status === "PENDING" && quiet ? (engineState().worker?.slot() ?? null) : null;
  const { outboxes, insert } = auditEventsSql(events, Prisma.sql`jsonb_build_object('sequence', (SELECT sequence FROM release))`);
  // The Release and its events in one statement (one round trip, no BEGIN/COMMIT): the
  // function locks the App row (serialising sequence numbers per app, until the
  // statement commits), then reads the next number and whether another release there is
  // still to be applied; the secrets' versions in the environment are what the release
  // runs with.
  const statement = Prisma.sql`
    WITH locked AS (SELECT * FROM slipway_next_release(${app.id}::uuid, ${options.environment.id}::uuid)),
    next AS (
      SELECT locked.next_sequence AS sequence, ${slot !== null}::boolean AND NOT locked.to_apply AS "runHere",
        -- What the apply turn would tell a run started here (slipway_take_apply_turn): whether
        -- an Ingress of an earlier release may be left to delete.
        ${slot !== null}::boolean AND NOT locked.to_apply AND EXISTS (
          SELECT 1 FROM "Release" p
          WHERE p."appId" = ${app.id}::uuid AND p."environmentId" IS NOT DISTINCT FROM ${options.environment.id}::uuid
            AND p.generation IS NOT NULL AND p.spec->>'host' IS NOT NULL) AS "hadHost",
        (SELECT jsonb_agg(jsonb_build_object('name', s.name, 'version', s.version) ORDER BY s.name)
         FROM "AppSecret" s
         WHERE s."appId" = ${app.id}::uuid AND s."environmentId" = ${options.environment.id}::uuid AND s."removedAt" IS NULL) AS secrets
      FROM locked
    ),
    release AS (
      INSERT INTO "Release" (id, "appId", sequence, image, spec, "requestedById", "idempotencyKey", "rollbackOfId", "environmentId", status, "clusterRole",
        "claimedBy", "claimExpiresAt")
      SELECT ${id}::uuid, ${app.id}::uuid, next.sequence, ${asked.image},
        ${JSON.stringify(asked)}::jsonb || CASE WHEN next.secrets IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('secrets', next.secrets) END,
        ${ctx.actor.id}::uuid, ${idempotencyKey ?? null}, ${options.rollbackOf?.id ?? null}::uuid, ${options.environment.id}::uuid,
        -- Run here: it has its apply turn already, as no other release of the app in the
        -- environment is still to be applied and none newer can be (the App row is locked).
        (CASE WHEN next."runHere" THEN 'APPLYING' ELSE ${gate.status} END)::"ReleaseStatus",
        -- The runner applies it with this role's token, so the API server refuses what
        -- the requester's role may not do even if Slipway's own check failed.
        ${clusterRoleOf(ctx)},
        CASE WHEN next."runHere" THEN ${slot?.workerId ?? null}::text END,
        CASE WHEN next."runHere" THEN now() + ${slot?.claimSeconds ?? 0}::int * interval '1 second' END
      FROM next
      RETURNING *
    ),
    ${Prisma.join([...outboxes, Prisma.sql`events AS (${insert})`])}
    SELECT release.*, next."hadHost" FROM release, next`;
  try {
    const insertRelease = db().$queryRaw<(Release & { hadHost: boolean })[]>(statement);
    const [row] = options.saveAsSettings
      ? // The spec also becomes the app's saved settings, in the same transaction.
        (
          await db().$transaction([
            db().app.update({ where: { id: app.id }, data: appSettingsOf({ ...asked, name: app.name }) }),
            insertRelease,
          ])
        )[1]
      : await insertRelease;
    if (!row) throw new Error(`the release of ${app.name} was not created`);
    const { hadHost, ...release } = row;
    if (slot && release.claimedBy === slot.workerId) {
      // The run starts from what this request knows: no reload, no turn to take.
      const { namespace, clusterId } = options.environment;
      const known: HandedOver = {
        release: {
          ...release,
          app: { id: app.id, name: app.name, team: { slug: ctx.team.slug, namespace: ctx.team.namespace } },
          environment: release.environmentId ? { namespace, clusterId } : null,
        },
        hadHost,
      };
      slot.start(release.id, known);
    } else if (release.status === "PENDING") enqueueRelease(release.id);
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
