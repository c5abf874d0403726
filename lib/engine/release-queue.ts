/**
 * The release queue: the Release table itself. Any replica's worker claims an in-flight
 * release whose claim is free (never taken, or expired) with FOR UPDATE SKIP LOCKED,
 * so exactly one replica runs each release; while it runs, a heartbeat renews the claim.
 * A replica that dies stops renewing, and its releases are taken over within
 * SLIPWAY_CLAIM_SECONDS. A worker that finds a claim renewed by someone else stops that run.
 *
 * Wake-ups: a NOTIFY when a release is requested (lib/engine/notifications.ts), a
 * run ending, the leader's sweep (lib/deploys/reconcile-releases.ts), and a slow poll
 * in case a notification was missed. On PGlite the same SQL runs on its one connection.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { db } from "@/lib/db";
import { inBackground } from "@/lib/db-priority";
import { env } from "@/lib/env";
import { CHANNELS, listen, notify } from "./notifications";
import { engineState, type ReleaseSlot } from "./process-state";
import { isShuttingDown } from "./shutdown";
import { logEvent } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";

const CLAIM_SECONDS = env.SLIPWAY_CLAIM_SECONDS;
const HEARTBEAT_MS = (CLAIM_SECONDS * 1000) / 6;
const POLL_MS = 30_000;

export type ReleasePhase = "apply" | "watch";

/** What a run gets from the worker that claimed its release. */
export type ClaimedRun = {
  workerId: string;
  /** Aborted when the claim is lost or this process shuts down: stop without recording an outcome. */
  signal: AbortSignal;
  /** Whether the claim holds for a good while yet (renewed on time): checked before each cluster write. */
  holdsFirmly(): boolean;
  /** Tells the worker the run has applied and is now only watching (a shutdown does not wait for watches). */
  enterPhase(phase: ReleasePhase): void;
  /** What the request that created the release here knows of it (ReleaseSlot.start); undefined for a claimed one. */
  known?: unknown;
};

export type ReleaseRunner = (releaseId: string, run: ClaimedRun) => Promise<void>;

/** Wakes a worker here and in every replica for a newly committed release. */
export function announceRelease(releaseId: string): void {
  notify(CHANNELS.queue, { releaseId }).catch((error) => logEvent(`queue: could not announce release ${releaseId}`, error));
}

/**
 * Claims the oldest in-flight release nobody holds; null when there is none. A release
 * with a newer one of its app in the same environment still to be applied (PENDING or APPLYING) is left alone:
 * the newer one's apply supersedes it, so a burst of deploys to one app applies once
 * instead of each release taking a worker and polling for its turn (the queue's main
 * load on the single-connection PGlite). It is claimed again if the newer one ends
 * without reaching the cluster.
 */
export async function claimNextRelease(workerId: string, runningHere: string[]): Promise<string | null> {
  const rows = await db().$queryRaw<{ id: string }[]>`
    UPDATE "Release" SET "claimedBy" = ${workerId}, "claimExpiresAt" = now() + ${CLAIM_SECONDS}::int * interval '1 second'
    WHERE id = (
      SELECT id FROM "Release" r
      WHERE status IN ('PENDING', 'APPLYING', 'ROLLING_OUT')
        AND ("claimExpiresAt" IS NULL OR "claimExpiresAt" < now())
        AND NOT (id = ANY(${runningHere}::uuid[]))
        AND NOT EXISTS (
          SELECT 1 FROM "Release" newer
          WHERE newer."appId" = r."appId" AND newer."environmentId" IS NOT DISTINCT FROM r."environmentId"
            AND newer.sequence > r.sequence AND newer.status IN ('PENDING', 'APPLYING'))
      ORDER BY "createdAt"
      LIMIT 1
      FOR UPDATE SKIP LOCKED)
    RETURNING id::text`;
  return rows[0]?.id ?? null;
}

type Entry = { abort: AbortController; phase: ReleasePhase; done: Promise<void> };

export function startReleaseWorker(options: {
  run: ReleaseRunner;
  concurrency?: number;
  log?: (message: string, error?: unknown) => void;
}) {
  const state = engineState();
  if (state.worker) return state.worker;
  const log = options.log ?? logEvent;
  const concurrency = options.concurrency ?? env.SLIPWAY_RELEASE_CONCURRENCY;
  const workerId = state.processId;
  const running = new Map<string, Entry>();
  // The context the worker started in: a release started from a request runs outside that request's.
  const detached = AsyncLocalStorage.snapshot();
  // Local time until which every claim renewed by the last heartbeat holds.
  let claimsValidUntil = Date.now() + CLAIM_SECONDS * 1000;
  let filling = false;
  let again = false;
  // Set by drain: no claim after it, even when drain is called without a process shutdown.
  let draining = false;
  const stopped = () => draining || isShuttingDown();

  const start = (releaseId: string, known?: unknown) => {
    const abort = new AbortController();
    const claimedAt = Date.now();
    const entry: Entry = { abort, phase: "apply", done: Promise.resolve() };
    const run: ClaimedRun = {
      workerId,
      signal: abort.signal,
      // At 40% of the claim left a write could outlast it (the default 30 s claim: 12 s, a cluster call's timeout and more).
      holdsFirmly: () =>
        Math.max(claimsValidUntil, claimedAt + CLAIM_SECONDS * 1000) - Date.now() > CLAIM_SECONDS * 400 && !abort.signal.aborted,
      enterPhase: (phase) => {
        entry.phase = phase;
      },
      known,
    };
    entry.done = inBackground(() => options.run(releaseId, run))
      .catch((error) => log(`queue: release ${releaseId} stopped; its claim will expire and the release be taken over`, error))
      .finally(() => {
        running.delete(releaseId);
        metrics.releasesInFlight.set(running.size);
        wake();
      });
    running.set(releaseId, entry);
    metrics.releasesInFlight.set(running.size);
  };

  const fill = async () => {
    do {
      again = false;
      while (running.size < concurrency && !stopped()) {
        const id = await claimNextRelease(workerId, [...running.keys()]).catch((error) => {
          log("queue: could not claim a release", error);
          return null;
        });
        if (!id) break;
        start(id);
      }
    } while (again && !stopped());
  };

  const wake = () => {
    if (stopped()) return;
    if (filling) {
      again = true;
      return;
    }
    filling = true;
    void inBackground(fill).finally(() => {
      filling = false;
    });
  };

  // The heartbeat under way, if any: drain waits for it, or a renewal landing after the hand-over would undo it.
  let beating: Promise<void> | undefined;
  const heartbeat = () => {
    beating ??= renew().finally(() => (beating = undefined));
    return beating;
  };
  const renew = async () => {
    const ids = [...running.keys()];
    if (ids.length === 0) return;
    const sentAt = Date.now();
    try {
      const renewed = await db().$queryRaw<{ id: string }[]>`
        UPDATE "Release" SET "claimExpiresAt" = now() + ${CLAIM_SECONDS}::int * interval '1 second'
        WHERE "claimedBy" = ${workerId} AND id = ANY(${ids}::uuid[])
        RETURNING id::text`;
      claimsValidUntil = sentAt + CLAIM_SECONDS * 1000;
      const kept = new Set(renewed.map((row) => row.id));
      for (const id of ids) {
        // Ended meanwhile, or taken over by another replica after our claim expired.
        if (!kept.has(id)) running.get(id)?.abort.abort();
      }
    } catch (error) {
      log("queue: could not renew claims (the runs go on while the claims hold)", error);
    }
  };

  const timers = [setInterval(() => void heartbeat(), HEARTBEAT_MS), setInterval(wake, POLL_MS)];
  for (const timer of timers) timer.unref();
  const unlisten = listen(CHANNELS.queue, wake);
  wake();

  const worker = {
    wake,
    running: () => running.size,
    /**
     * Stops the run of a release that has ended without it (a newer release superseded
     * it), so its rollout watch does not hold a place in the worker until its own
     * rollout is over. Nothing to do when it runs elsewhere (that replica's heartbeat notices).
     */
    stop: (releaseId: string) => running.get(releaseId)?.abort.abort(),
    /**
     * The replica that accepts a deploy runs it when it has room: the release is created
     * claimed by this worker and started here once committed, without the round trip of
     * a NOTIFY and a claim (lib/deploys/request-release.ts: created APPLYING, its run
     * starting from what the request knows). Null when the worker is full or draining;
     * the release is then created unclaimed and announced to every replica. Nothing is
     * held meanwhile, so two deploys accepted at the same moment may take the worker one
     * past its concurrency.
     */
    slot: (): ReleaseSlot | null =>
      stopped() || running.size >= concurrency
        ? null
        : { workerId, claimSeconds: CLAIM_SECONDS, start: (releaseId, known) => detached(() => start(releaseId, known)) },
    /**
     * Shutdown: claims nothing more, lets applies in progress finish (up to `timeoutMs`),
     * stops the rollout watches and hands their claims over, so another replica resumes
     * them at once rather than after CLAIM_SECONDS.
     */
    drain: async (timeoutMs: number) => {
      draining = true;
      for (const timer of timers) clearInterval(timer);
      unlisten();
      // Every claim held now is handed over at the end, including the watches that stop
      // at once and leave `running` before then (they record nothing, so their claim would
      // otherwise hold another replica off for SLIPWAY_CLAIM_SECONDS).
      const claimed = new Set(running.keys());
      const stopWatches = () => {
        for (const entry of running.values()) if (entry.phase === "watch") entry.abort.abort();
      };
      stopWatches();
      const applying = [...running.values()].filter((entry) => entry.phase === "apply").map((entry) => entry.done);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.all(applying), new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
      clearTimeout(timer);
      stopWatches();
      const held = [...new Set([...claimed, ...running.keys()])];
      for (const entry of running.values()) entry.abort.abort();
      await beating;
      if (held.length > 0) {
        await db()
          .$executeRaw`UPDATE "Release" SET "claimExpiresAt" = now() WHERE "claimedBy" = ${workerId} AND id = ANY(${held}::uuid[])`.catch(
          (error) => log("queue: could not hand over claims; they expire on their own", error),
        );
        await notify(CHANNELS.queue, { handedOver: held.length }).catch(() => {});
      }
    },
  };
  state.worker = worker;
  return worker;
}
