/**
 * The engine of one Slipway process: the LISTEN connection, the release queue's
 * worker, leader election with the reconciler sweep, and graceful shutdown. Started
 * once per process (instrumentation.ts, the first enqueued release, or a runner).
 */
import { env } from "@/lib/env";
import { isLeader, startLeaderElection, whileLeader } from "./leader";
import { startListening } from "./notifications";
import { engineState } from "./process-state";
import { startReleaseWorker } from "./release-queue";
import { beginShutdown } from "./shutdown";
import { logEvent } from "@/lib/observability/logger";

/** In-flight applies get this long to finish after SIGTERM; the whole exit stays under 10 s. */
export const DRAIN_MS = 6_000;

type Log = (message: string, error?: unknown) => void;

/**
 * What the engine runs: the release runner for claimed releases, and periodic work that
 * only the leader does. lib/deploys/start-release-engine.ts and lib/platform-engine.ts
 * compose them; the engine itself knows nothing of releases, limits or the audit log.
 */
export type EngineTasks = {
  runRelease: Parameters<typeof startReleaseWorker>[0]["run"];
  periodic: { name: string; everyMs: number; task: () => Promise<unknown> }[];
};

export function startEngine(tasks: EngineTasks, options: { log?: Log } = {}): void {
  const state = engineState();
  if (state.started) return;
  state.started = true;
  const log = options.log ?? logEvent;
  startListening(log);
  startLeaderElection(log);
  for (const { name, everyMs, task } of tasks.periodic) whileLeader(name, everyMs, task, log);
  if (env.SLIPWAY_RELEASE_WORKER) startReleaseWorker({ run: tasks.runRelease, log });
}

/** Stops this process's engine: no new claims, applies finish (bounded), watches handed over, connections closed. */
export async function stopEngine(options: { drainMs?: number } = {}): Promise<void> {
  const state = engineState();
  beginShutdown();
  await state.worker?.drain(options.drainMs ?? DRAIN_MS);
  await Promise.all([state.listener?.close(), state.leader?.close()]);
}

export { isLeader };
