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
import { outsideBackground } from "@/lib/db-priority";
import { isDatabaseError } from "@/lib/db-errors";
import { isAppError } from "@/lib/errors";
import { namespaceLiveCache } from "@/lib/apps/app-live";
import { env } from "@/lib/env";
import { platformClusterFor } from "@/lib/platform-cluster";
import { teamClient, watchRollout, type TeamRole } from "@/lib/k8s";
import type { ClaimedRun } from "@/lib/engine/release-queue";
import { isShuttingDown } from "@/lib/engine/shutdown";
import { applyInTurn } from "./apply-in-turn";
import { finishRelease } from "./finish-release";
import { publishProgress, TERMINAL } from "./progress-bus";
import { describeReleaseError } from "./release-error";
import { watchForBlocker } from "./watch-for-blocker";
import { digestOfRelease } from "./image-digest";
import { logError } from "@/lib/observability/logger";
import type { Release } from "@/lib/generated/prisma/client";

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

/**
 * A release the accepting replica created claimed by its own worker and already APPLYING
 * (lib/deploys/request-release.ts): the run starts from the request's rows, and its apply
 * turn was taken by the statement that created it.
 */
export type HandedOver = { release: RunnableRelease; hadHost: boolean };

async function runOnce(releaseId: string, run: ClaimedRun): Promise<void> {
  // Once: a run that starts over reads the release's recorded state.
  const known = run.known as HandedOver | undefined;
  run.known = undefined;
  const release = known?.release ?? (await runnableRelease(releaseId));
  if (!release || TERMINAL.includes(release.status) || release.claimedBy !== run.workerId) return;
  const { app } = release;
  // A release recorded before environments went to the team's own namespace on the default cluster.
  const namespace = release.environment?.namespace ?? app.team.namespace;
  let cluster;
  try {
    cluster = await platformClusterFor(release.environment?.clusterId ?? null);
  } catch (error) {
    const reason = isAppError(error) ? error.message : "its credential could not be loaded";
    await finishRelease(releaseId, { status: "FAILED", error: `The environment's cluster cannot be used: ${reason}` });
    return;
  }
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
    // Announces ROLLING_OUT from the statement that records it.
    const turn = known ? { hadHost: known.hadHost } : undefined;
    const applied = await applyInTurn({ release, team, namespace, run, progressDeadlineSeconds: deadline, turn });
    if (!applied) return;
    generation = applied.generation;
  } else {
    publishProgress({ releaseId, status: "ROLLING_OUT" });
  }
  if (run.signal.aborted || isShuttingDown()) return;
  run.enterPhase("watch");
  // Refused or crashing pods end the release as soon as that is certain, with the cause.
  const cache = (await namespaceLiveCache({ namespace, clusterId: release.environment?.clusterId ?? null }))!;
  const blocker = watchForBlocker({ cache, app: app.name, releaseId, signal: run.signal });
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
        // Not as the engine's background work (which waits for requests in progress): a stream
        // that attaches now reads these counts from the row, and must not read older ones than
        // the notification it has just missed.
        void outsideBackground(async () => {
          await db()
            .release.updateMany({ where: { id: releaseId, status: "ROLLING_OUT" }, data: { progress: counts } })
            .catch((error) => logError(`release ${releaseId}: could not store progress`, error));
        });
      },
    });
  } catch (error) {
    if (run.signal.aborted) return;
    await finishRelease(releaseId, { status: "FAILED", error: blocker.cause() ?? describeReleaseError(error) });
    return;
  } finally {
    blocker.stop();
  }
  if (!final.done) {
    await finishRelease(releaseId, { status: "FAILED", error: final.message });
    return;
  }
  const { objects } = await cache.read();
  await finishRelease(releaseId, {
    status: "SUCCEEDED",
    imageDigest: digestOfRelease({ image: release.image, releaseId, pods: objects("pods") }),
    counts: { updated: final.updated, available: final.available, desired: final.desired },
  });
}

/** What a run needs of its release, its app and team, and its environment: one query. */
export type RunnableRelease = Pick<
  Release,
  "id" | "sequence" | "image" | "spec" | "status" | "generation" | "claimedBy" | "clusterRole" | "environmentId"
> & {
  app: { id: string; name: string; team: { slug: string; namespace: string } };
  environment: { namespace: string; clusterId: string | null } | null;
};

async function runnableRelease(releaseId: string): Promise<RunnableRelease | null> {
  const [row] = await db().$queryRaw<
    (Omit<RunnableRelease, "app" | "environment"> & {
      appId: string;
      appName: string;
      teamSlug: string;
      teamNamespace: string;
      environmentNamespace: string | null;
      clusterId: string | null;
    })[]
  >`
    SELECT r.id::text, r.sequence, r.image, r.spec, r.status::text AS status, r.generation, r."claimedBy", r."clusterRole",
           r."environmentId"::text AS "environmentId", a.id::text AS "appId", a.name AS "appName", t.slug AS "teamSlug",
           t.namespace AS "teamNamespace", e.namespace AS "environmentNamespace", e."clusterId"::text AS "clusterId"
    FROM "Release" r
    JOIN "App" a ON a.id = r."appId"
    JOIN "Team" t ON t.id = a."teamId"
    LEFT JOIN "Environment" e ON e.id = r."environmentId"
    WHERE r.id = ${releaseId}::uuid`;
  if (!row) return null;
  const { appId, appName, teamSlug, teamNamespace, environmentNamespace, clusterId, ...release } = row;
  return {
    ...release,
    app: { id: appId, name: appName, team: { slug: teamSlug, namespace: teamNamespace } },
    environment: environmentNamespace === null ? null : { namespace: environmentNamespace, clusterId },
  };
}
