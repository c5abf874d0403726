/**
 * The apply step of a claimed release. One app's releases in one environment are
 * applied one at a time and in order (environments do not wait for each other): a short transaction under a per-app advisory lock checks that no newer
 * release has reached the cluster (then this one ends FAILED as superseded) and that no
 * other release of the app is being applied right now (then it waits its turn), and
 * marks this one APPLYING. The lock is released before the cluster is called.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { db } from "@/lib/db";
import { applyRelease, isTransientK8sError, type AppliedRelease, type TeamClient } from "@/lib/k8s";
import type { ClaimedRun } from "@/lib/engine/release-queue";
import type { Release } from "@/lib/generated/prisma/client";
import { finishRelease } from "./finish-release";
import { publishProgress } from "./progress-bus";
import { describeReleaseError } from "./release-error";
import type { ReleaseSpec } from "@/lib/apps/release-spec";

/** A transient API-server failure during the apply is tried again for this long. */
const APPLY_RETRY_MS = 30_000;

type ReleaseWithApp = Release & { app: { id: string; name: string; team: { slug: string } } };

export async function applyInTurn(options: {
  release: ReleaseWithApp;
  team: TeamClient;
  /** The environment's namespace. */
  namespace: string;
  run: ClaimedRun;
  progressDeadlineSeconds: number;
}): Promise<AppliedRelease | null> {
  const { release, team, run } = options;
  const { app } = release;
  for (;;) {
    const turn = await takeApplyTurn(release, run.workerId);
    if (turn.kind === "superseded") {
      await finishRelease(release.id, { status: "FAILED", error: `Superseded by release #${turn.by} before it was applied.` });
      return null;
    }
    if (turn.kind === "lost") return null;
    if (turn.kind === "go") break;
    await sleep(250, undefined, { signal: run.signal }).catch(() => {});
    if (run.signal.aborted) return null;
  }

  publishProgress({ releaseId: release.id, status: "APPLYING" });
  const spec = release.spec as ReleaseSpec;
  const input = {
    app: { ...spec, team: app.team.slug, namespace: options.namespace, name: app.name },
    release: { id: release.id, sequence: release.sequence },
    progressDeadlineSeconds: options.progressDeadlineSeconds,
    mayHaveIngress: await hadHostBefore(release),
  };
  let applied: AppliedRelease;
  const until = Date.now() + APPLY_RETRY_MS;
  for (let waitMs = 250; ; waitMs = Math.min(waitMs * 2, 5_000)) {
    // Fencing: a worker whose claim may have lapsed (another replica may hold the release now) does not write.
    if (!run.holdsFirmly()) return null;
    try {
      const outcome = await applyRelease(team, input);
      if (outcome.kind === "superseded") {
        // A newer release's objects are in the cluster (its worker applied while this claim had lapsed).
        await finishRelease(release.id, { status: "FAILED", error: `Superseded by release #${outcome.by} while it was being applied.` });
        return null;
      }
      applied = outcome;
      break;
    } catch (error) {
      if (run.signal.aborted) return null;
      if (isTransientK8sError(error) && Date.now() + waitMs < until) {
        await sleep(waitMs, undefined, { signal: run.signal }).catch(() => {});
        continue;
      }
      await finishRelease(release.id, { status: "FAILED", error: describeReleaseError(error) });
      return null;
    }
  }

  const { count } = await db().release.updateMany({
    where: { id: release.id, claimedBy: run.workerId, status: "APPLYING" },
    data: { status: "ROLLING_OUT", generation: applied.generation },
  });
  if (count === 0) return null;
  await supersedeOlderReleases(release);
  return applied;
}

type Turn = { kind: "go" | "wait" | "lost" } | { kind: "superseded"; by: number };

type InEnvironment = { id: string; appId: string; environmentId: string | null; sequence: number };

async function takeApplyTurn(release: InEnvironment, workerId: string): Promise<Turn> {
  return db().$transaction(async (tx): Promise<Turn> => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`apply:${release.appId}:${release.environmentId ?? ""}`}, 0))`;
    const newer = await tx.release.findFirst({
      // A newer release in the same environment that reached the cluster (it has a generation).
      where: { appId: release.appId, environmentId: release.environmentId, sequence: { gt: release.sequence }, generation: { not: null } },
      orderBy: { sequence: "desc" },
      select: { sequence: true },
    });
    if (newer) return { kind: "superseded", by: newer.sequence };
    const applying = await tx.$queryRaw<unknown[]>`
      SELECT 1 FROM "Release"
      WHERE "appId" = ${release.appId}::uuid AND "environmentId" IS NOT DISTINCT FROM ${release.environmentId}::uuid
        AND id <> ${release.id}::uuid AND status = 'APPLYING' AND "claimExpiresAt" > now()
      LIMIT 1`;
    if (applying.length > 0) return { kind: "wait" };
    const { count } = await tx.release.updateMany({
      where: { id: release.id, claimedBy: workerId, status: { in: ["PENDING", "APPLYING"] } },
      data: { status: "APPLYING" },
    });
    return { kind: count === 1 ? "go" : "lost" };
  });
}

/** Whether an earlier applied release in the environment had a host, so a Slipway Ingress may be left to delete. */
async function hadHostBefore(release: InEnvironment): Promise<boolean> {
  const rows = await db().$queryRaw<unknown[]>`
    SELECT 1 FROM "Release"
    WHERE "appId" = ${release.appId}::uuid AND "environmentId" IS NOT DISTINCT FROM ${release.environmentId}::uuid
      AND sequence < ${release.sequence} AND generation IS NOT NULL AND spec->>'host' IS NOT NULL
    LIMIT 1`;
  return rows.length > 0;
}

/** A newer release replaces the Deployment's spec; older in-flight ones in its environment will never finish as themselves. */
async function supersedeOlderReleases({ appId, environmentId, sequence }: InEnvironment) {
  const older = await db().release.findMany({
    where: { appId, environmentId, sequence: { lt: sequence }, status: { in: ["PENDING", "APPLYING", "ROLLING_OUT"] } },
    select: { id: true },
  });
  for (const { id } of older) {
    await finishRelease(id, { status: "FAILED", error: `Superseded by release #${sequence} before it finished.` });
  }
}
