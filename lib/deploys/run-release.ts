/**
 * Takes a claimed release from PENDING to SUCCEEDED or FAILED: the token of the team
 * role the requester had, server-side apply, then the rollout watch. The release queue
 * (lib/engine/release-queue.ts) calls it with the claim; a run that stops early (claim
 * lost, shutdown, the database away) records nothing, and whoever claims the release
 * next starts it over from its recorded state: a PENDING or APPLYING release is applied
 * (idempotently), a ROLLING_OUT one is watched.
 *
 * No database transaction or lock is held across a cluster call. A release's outcome is
 * what happened in the cluster: a database failure is retried here and otherwise left
 * to the next claim, never recorded as a failed deploy.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { db } from "@/lib/db";
import { isDatabaseError } from "@/lib/db-errors";
import { env } from "@/lib/env";
import { platformCluster } from "@/lib/platform-cluster";
import { teamClient, watchRollout, type TeamRole } from "@/lib/k8s";
import type { ClaimedRun } from "@/lib/engine/release-queue";
import { isShuttingDown } from "@/lib/engine/shutdown";
import { applyInTurn, type ClaimedRelease } from "./apply-in-turn";
import { finishRelease } from "./finish-release";
import { publishProgress, TERMINAL } from "./progress-bus";
import { describeReleaseError } from "./release-error";
import { watchForBlocker } from "./watch-for-blocker";
import { logError } from "@/lib/observability/logger";
import type { ReleaseStatus } from "@/lib/generated/prisma/enums";

const BOOKKEEPING_ATTEMPTS = 8;

/** Runs the release; database failures start it over from its recorded state, a bounded number of times. */
export async function runRelease(releaseId: string, run: ClaimedRun): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await runOnce(releaseId, run);
    } catch (error) {
      if (run.signal.aborted) return;
      if (!isDatabaseError(error) || attempt >= BOOKKEEPING_ATTEMPTS) throw error;
      logError(`release ${releaseId}: database error, trying again (attempt ${attempt})`, error);
      await sleep(Math.min(250 * 2 ** attempt, 5_000), undefined, { signal: run.signal }).catch(() => {});
    }
  }
}

async function runOnce(releaseId: string, run: ClaimedRun): Promise<void> {
  const release = await readClaimedRelease(releaseId);
  if (!release || TERMINAL.includes(release.status) || release.claimedBy !== run.workerId) return;
  const { app } = release;
  const namespace = app.team.namespace;
  const cluster = platformCluster();
  if (!cluster) {
    await finishRelease(releaseId, { status: "FAILED", error: "No Kubernetes cluster is configured, so nothing was deployed." });
    return;
  }
  if (release.clusterRole !== "deployer" && release.clusterRole !== "viewer") {
    await finishRelease(releaseId, { status: "FAILED", error: `Unknown team role "${release.clusterRole}" on the release.` });
    return;
  }
  // The requester's role, not ours: the API server refuses a deploy asked for with viewer rights.
  const team = teamClient(cluster, namespace, release.clusterRole as TeamRole);
  const deadline = env.SLIPWAY_PROGRESS_DEADLINE_SECONDS;

  let generation = release.generation;
  if (release.status !== "ROLLING_OUT" || generation === null) {
    const applied = await applyInTurn({ release, team, run, progressDeadlineSeconds: deadline });
    if (!applied) return;
    generation = applied.generation;
  }
  if (run.signal.aborted || isShuttingDown()) return;
  run.enterPhase("watch");
  publishProgress({ releaseId, status: "ROLLING_OUT" });
  // Refused or crashing pods end the release as soon as that is certain, with the cause.
  const blocker = watchForBlocker({ team, namespace, app: app.name, releaseId, signal: run.signal });
  let final;
  try {
    final = await watchRollout(team, namespace, app.name, {
      generation,
      signal: blocker.signal,
      // The controller reports a stalled rollout after `deadline`; past that plus a margin, stop waiting.
      timeoutMs: (deadline + Math.min(60, deadline)) * 1000,
      onProgress: (status) => {
        const counts = { updated: status.updated, available: status.available, desired: status.desired, message: status.message };
        publishProgress({ releaseId, status: "ROLLING_OUT", ...counts });
        db()
          .release.updateMany({ where: { id: releaseId, status: "ROLLING_OUT" }, data: { progress: counts } })
          .catch((error) => logError(`release ${releaseId}: could not store progress`, error));
      },
    });
  } catch (error) {
    if (run.signal.aborted) return;
    await finishRelease(releaseId, { status: "FAILED", error: blocker.cause() ?? describeReleaseError(error) });
    return;
  } finally {
    blocker.stop();
  }
  await finishRelease(releaseId, final.done ? { status: "SUCCEEDED" } : { status: "FAILED", error: final.message });
}

/** The release with its app and team, in one query (three with Prisma's include). */
async function readClaimedRelease(releaseId: string): Promise<ClaimedRelease | null> {
  const [row] = await db().$queryRaw<
    (Omit<ClaimedRelease, "app" | "status"> & {
      status: ReleaseStatus;
      appId: string;
      appName: string;
      teamSlug: string;
      namespace: string;
    })[]
  >`
    SELECT r.id::text, r.sequence, r.spec, r.status::text AS status, r.generation, r."clusterRole", r."claimedBy",
           a.id::text AS "appId", a.name AS "appName", t.slug AS "teamSlug", t.namespace
    FROM "Release" r JOIN "App" a ON a.id = r."appId" JOIN "Team" t ON t.id = a."teamId"
    WHERE r.id = ${releaseId}::uuid`;
  if (!row) return null;
  const { appId, appName, teamSlug, namespace, ...release } = row;
  return { ...release, app: { id: appId, name: appName, team: { slug: teamSlug, namespace } } };
}
