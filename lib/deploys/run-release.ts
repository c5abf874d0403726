/**
 * Takes a release from PENDING to SUCCEEDED or FAILED: team deployer token,
 * server-side apply, then the rollout watch. Runs in the background of the request
 * that created the release, and again from the reconciler after a restart. Every
 * way out records what happened on the release.
 */
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { platformCluster } from "@/lib/cluster/platform-cluster";
import { applyRelease, K8sError, teamClient, watchRollout } from "@/lib/k8s";
import type { ReleaseSpec } from "./release-spec";
import { finishRelease } from "./finish-release";
import { publishProgress, TERMINAL } from "./progress-bus";

const running = new Set<string>();

export function isRunningHere(releaseId: string): boolean {
  return running.has(releaseId);
}

export function startRelease(releaseId: string): void {
  if (running.has(releaseId)) return;
  running.add(releaseId);
  void runRelease(releaseId)
    .catch((error) => console.error(`release ${releaseId}: could not record its outcome`, error))
    .finally(() => running.delete(releaseId));
}

function describe(error: unknown): string {
  if (error instanceof K8sError || error instanceof AppError) return error.message;
  console.error("release runner: unexpected error", error);
  return "Slipway hit an unexpected error while deploying; it has been logged.";
}

async function runRelease(releaseId: string): Promise<void> {
  const release = await db().release.findUniqueOrThrow({
    where: { id: releaseId },
    include: { app: { include: { team: true } } },
  });
  if (TERMINAL.includes(release.status)) return;
  const { app } = release;
  const namespace = app.team.namespace;
  try {
    const cluster = platformCluster();
    if (!cluster) throw new AppError("UNAVAILABLE", "No Kubernetes cluster is configured, so nothing was deployed.");
    const team = teamClient(cluster, namespace, "deployer");
    const deadline = env.SLIPWAY_PROGRESS_DEADLINE_SECONDS;

    let generation = release.generation;
    if (release.status !== "ROLLING_OUT" || generation === null) {
      const applied = await applyInOrder(release.id, app.id, release.sequence, async () => {
        publishProgress({ releaseId, status: "APPLYING" });
        const spec = release.spec as ReleaseSpec;
        return applyRelease(team, {
          app: { ...spec, team: app.team.slug, namespace, name: app.name },
          release: { id: release.id, sequence: release.sequence },
          progressDeadlineSeconds: deadline,
        });
      });
      if (!applied) return;
      generation = applied.generation;
      await supersedeOlderReleases(app.id, release.sequence);
    }
    publishProgress({ releaseId, status: "ROLLING_OUT" });
    const final = await watchRollout(team, namespace, app.name, {
      generation,
      timeoutMs: (deadline + 60) * 1000,
      onProgress: (status) =>
        publishProgress({
          releaseId,
          status: "ROLLING_OUT",
          updated: status.updated,
          available: status.available,
          desired: status.desired,
          message: status.message,
        }),
    });
    await finishRelease(releaseId, final.done ? { status: "SUCCEEDED" } : { status: "FAILED", error: final.message });
  } catch (error) {
    await finishRelease(releaseId, { status: "FAILED", error: describe(error) });
  }
}

/**
 * Applies one app's releases one at a time and in order: under a per-app lock, a
 * release that a newer one has overtaken is not applied at all (it ends FAILED as
 * superseded), so the cluster always ends up with the newest spec and the history
 * says so. Returns null when this release is no longer to be applied.
 */
async function applyInOrder<T extends { generation: number }>(
  releaseId: string,
  appId: string,
  sequence: number,
  apply: () => Promise<T>,
): Promise<T | null> {
  const outcome = await db().$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`apply:${appId}`}, 0))`;
      const newer = await tx.release.findFirst({
        // A newer release that reached the cluster (it has a generation).
        where: { appId, sequence: { gt: sequence }, generation: { not: null } },
        orderBy: { sequence: "desc" },
        select: { sequence: true },
      });
      if (newer) return { superseded: newer.sequence };
      // The claim: only one runner moves a release on (another replica may hold it).
      const { count } = await tx.release.updateMany({
        where: { id: releaseId, status: { in: ["PENDING", "APPLYING"] } },
        data: { status: "APPLYING" },
      });
      if (count === 0) return null;
      const applied = await apply();
      await tx.release.update({ where: { id: releaseId }, data: { status: "ROLLING_OUT", generation: applied.generation } });
      return { applied };
    },
    // Long enough for an apply (each cluster call times out after 10 s).
    { timeout: 60_000, maxWait: 60_000 },
  );
  if (outcome && "superseded" in outcome) {
    await finishRelease(releaseId, { status: "FAILED", error: `Superseded by release #${outcome.superseded} before it was applied.` });
    return null;
  }
  return outcome?.applied ?? null;
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
