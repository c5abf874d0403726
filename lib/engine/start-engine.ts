/**
 * The engine of one Slipway process: the LISTEN connection, the release queue's
 * worker, leader election with the reconciler sweep, and graceful shutdown. Started
 * once per process (instrumentation.ts, the first enqueued release, or a runner).
 */
import { env } from "@/lib/env";
import { runRelease } from "@/lib/deploys/run-release";
import { reconcileReleases } from "@/lib/deploys/reconcile-releases";
import { isLeader, startLeaderElection, whileLeader } from "./leader";
import { startListening } from "./notifications";
import { engineState } from "./process-state";
import { startReleaseWorker } from "./release-queue";
import { beginShutdown } from "./shutdown";
import { logError } from "@/lib/observability/logger";
import { sweepRateLimits } from "@/lib/rate-limit/rate-limit";
import { anchorAuditHeadNow } from "@/lib/audit/anchor/anchor-now";

const SWEEP_MS = 5_000;
const RATE_LIMIT_SWEEP_MS = 10 * 60_000;
/** In-flight applies get this long to finish after SIGTERM; the whole exit stays under 10 s. */
export const DRAIN_MS = 6_000;

type Log = (message: string, error?: unknown) => void;

export function startEngine(options: { log?: Log } = {}): void {
  const state = engineState();
  if (state.started) return;
  state.started = true;
  const log = options.log ?? logError;
  startListening(log);
  startLeaderElection(log);
  whileLeader("reconciler sweep", SWEEP_MS, reconcileReleases, log);
  whileLeader("rate limit sweep", RATE_LIMIT_SWEEP_MS, sweepRateLimits, log);
  whileLeader("audit anchor", env.SLIPWAY_AUDIT_ANCHOR_SECONDS * 1000, anchorAuditHeadNow, log);
  if (env.SLIPWAY_RELEASE_WORKER) startReleaseWorker({ run: runRelease, log });
}

/** Stops this process's engine: no new claims, applies finish (bounded), watches handed over, connections closed. */
export async function stopEngine(options: { drainMs?: number } = {}): Promise<void> {
  const state = engineState();
  beginShutdown();
  await state.worker?.drain(options.drainMs ?? DRAIN_MS);
  await Promise.all([state.listener?.close(), state.leader?.close()]);
}

export { isLeader };
