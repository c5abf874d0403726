/**
 * The apply step of a claimed release. One app's releases in one environment are
 * applied one at a time and in order (environments do not wait for each other): one
 * database call under a per-app-and-environment advisory lock (the function
 * slipway_take_apply_turn) checks that no newer release there has reached the cluster
 * (then this one ends FAILED as superseded) and that no other is being applied right now
 * (then it waits its turn), and marks this one APPLYING. The lock is released before the
 * cluster is called, and the cluster fences the apply itself (lib/k8s/apply.ts).
 */
import { setTimeout as sleep } from "node:timers/promises";
import { db } from "@/lib/db";
import { applyRelease, isTransientK8sError, type AppliedRelease, type TeamClient } from "@/lib/k8s";
import type { ClaimedRun } from "@/lib/engine/release-queue";
import { engineState } from "@/lib/engine/process-state";
import type { RunnableRelease } from "./run-release";
import { finishRelease } from "./finish-release";
import { progressInStatement, publishProgress } from "./progress-bus";
import { describeReleaseError } from "./release-error";
import type { ReleaseSpec } from "@/lib/apps/release-spec";

/** A transient API-server failure during the apply is tried again for this long. */
const APPLY_RETRY_MS = 30_000;

export async function applyInTurn(options: {
  release: RunnableRelease;
  team: TeamClient;
  /** The environment's namespace. */
  namespace: string;
  run: ClaimedRun;
  progressDeadlineSeconds: number;
  /** The turn, when the statement that created the release here took it (lib/deploys/request-release.ts). */
  turn?: { hadHost: boolean };
}): Promise<AppliedRelease | null> {
  const { release, team, run } = options;
  const { app } = release;
  const turn = options.turn ?? (await waitForTurn(release, run));
  if (!turn) return null;

  publishProgress({ releaseId: release.id, status: "APPLYING" });
  const spec = release.spec as ReleaseSpec;
  const input = {
    app: { ...spec, team: app.team.slug, namespace: options.namespace, name: app.name },
    release: { id: release.id, sequence: release.sequence },
    progressDeadlineSeconds: options.progressDeadlineSeconds,
    mayHaveIngress: turn.hadHost,
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

  // ROLLING_OUT with its generation, its announcement (sent when the statement commits;
  // selecting `announced` makes PostgreSQL call pg_notify), and the older releases of its
  // environment still in flight, in one statement.
  const rolling = progressInStatement({ releaseId: release.id, status: "ROLLING_OUT" });
  const [moved] = await db().$queryRaw<{ updated: boolean; older: string[] }[]>`
    WITH moved AS (
      UPDATE "Release" SET status = 'ROLLING_OUT', generation = ${applied.generation}
      WHERE id = ${release.id}::uuid AND "claimedBy" = ${run.workerId} AND status = 'APPLYING'
      RETURNING id)
    SELECT EXISTS (SELECT 1 FROM moved) AS updated,
      (SELECT count(*) FROM (SELECT ${rolling.sql} FROM moved) AS sent)::int AS announced,
      ARRAY(SELECT id::text FROM "Release"
            WHERE "appId" = ${app.id}::uuid AND "environmentId" IS NOT DISTINCT FROM ${release.environmentId}::uuid
              AND sequence < ${release.sequence} AND status IN ('PENDING', 'APPLYING', 'ROLLING_OUT')) AS older`;
  if (!moved?.updated) return null;
  rolling.deliverHere();
  // A newer release replaces the Deployment's spec; older in-flight ones will never finish as themselves.
  for (const id of moved.older) {
    await finishRelease(id, { status: "FAILED", error: `Superseded by release #${release.sequence} before it finished.` });
    // Its watch here, if any, has nothing left to record.
    engineState().worker?.stop(id);
  }
  return applied;
}

/** Waits for the release's apply turn; null when it will not have one (superseded, recorded here; or no longer claimed). */
async function waitForTurn(release: RunnableRelease, run: ClaimedRun): Promise<{ hadHost: boolean } | null> {
  for (;;) {
    const turn = await takeApplyTurn(release.id, run.workerId);
    if (turn.kind === "superseded") {
      await finishRelease(release.id, { status: "FAILED", error: `Superseded by release #${turn.by} before it was applied.` });
      return null;
    }
    if (turn.kind === "lost") return null;
    if (turn.kind === "go") return { hadHost: turn.hadHost };
    await sleep(250, undefined, { signal: run.signal }).catch(() => {});
    if (run.signal.aborted) return null;
  }
}

type Turn = { kind: "go"; hadHost: boolean } | { kind: "wait" | "lost" } | { kind: "superseded"; by: number };

async function takeApplyTurn(releaseId: string, workerId: string): Promise<Turn> {
  const [turn] = await db().$queryRaw<{ kind: string; by: number | null; hadHost: boolean }[]>`
    SELECT kind, "by", "hadHost" FROM slipway_take_apply_turn(${releaseId}::uuid, ${workerId})`;
  switch (turn?.kind) {
    case "go":
      return { kind: "go", hadHost: turn.hadHost };
    case "wait":
      return { kind: "wait" };
    case "superseded":
      return { kind: "superseded", by: turn.by! };
    default:
      return { kind: "lost" };
  }
}
