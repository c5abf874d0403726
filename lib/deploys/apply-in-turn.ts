/**
 * The apply step of a claimed release. One app's releases are applied one at a time
 * and in order: a short transaction under a per-app advisory lock checks that no newer
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

type ReleaseWithApp = Release & { app: { id: string; name: string; team: { slug: string; namespace: string } } };

export async function applyInTurn(options: {
  release: ReleaseWithApp;
  team: TeamClient;
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
    app: { ...spec, team: app.team.slug, namespace: app.team.namespace, name: app.name },
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
  await supersedeOlderReleases(app.id, release.sequence);
  return applied;
}

type Turn = { kind: "go" | "wait" | "lost" } | { kind: "superseded"; by: number };

async function takeApplyTurn(release: { id: string; appId: string; sequence: number }, workerId: string): Promise<Turn> {
  return db().$transaction(async (tx): Promise<Turn> => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`apply:${release.appId}`}, 0))`;
    const newer = await tx.release.findFirst({
      // A newer release that reached the cluster (it has a generation).
      where: { appId: release.appId, sequence: { gt: release.sequence }, generation: { not: null } },
      orderBy: { sequence: "desc" },
      select: { sequence: true },
    });
    if (newer) return { kind: "superseded", by: newer.sequence };
    const applying = await tx.$queryRaw<unknown[]>`
      SELECT 1 FROM "Release"
      WHERE "appId" = ${release.appId}::uuid AND id <> ${release.id}::uuid AND status = 'APPLYING' AND "claimExpiresAt" > now()
      LIMIT 1`;
    if (applying.length > 0) return { kind: "wait" };
    const { count } = await tx.release.updateMany({
      where: { id: release.id, claimedBy: workerId, status: { in: ["PENDING", "APPLYING"] } },
      data: { status: "APPLYING" },
    });
    return { kind: count === 1 ? "go" : "lost" };
  });
}

/** Whether an earlier applied release had a host, so a Slipway Ingress may be left to delete. */
async function hadHostBefore(release: { appId: string; sequence: number }): Promise<boolean> {
  const rows = await db().$queryRaw<unknown[]>`
    SELECT 1 FROM "Release"
    WHERE "appId" = ${release.appId}::uuid AND sequence < ${release.sequence} AND generation IS NOT NULL AND spec->>'host' IS NOT NULL
    LIMIT 1`;
  return rows.length > 0;
}

/** A newer release replaces the Deployment's spec; older in-flight ones will never finish as themselves. */
async function supersedeOlderReleases(appId: string, sequence: number) {
  const older = await db().release.findMany({
    where: { appId, sequence: { lt: sequence }, status: { in: ["PENDING", "APPLYING", "ROLLING_OUT"] } },
    select: { id: true },
  });
  for (const { id } of older) {
    await finishRelease(id, { status: "FAILED", error: `Superseded by release #${sequence} before it finished.` });
  }
}
