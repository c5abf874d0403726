import { startEngine } from "@/lib/engine/start-engine";
import { reconcileReleases } from "./reconcile-releases";
import { runRelease } from "./run-release";

/** The reconciler's sweep: releases whose runner died are resumed or failed within seconds. */
export const RECONCILE_EVERY_MS = 5_000;

export const releaseTasks = {
  runRelease,
  periodic: [{ name: "reconciler sweep", everyMs: RECONCILE_EVERY_MS, task: reconcileReleases }],
};

/**
 * Starts this process's engine (lib/engine) with what it runs for releases: the runner
 * for claimed releases and the reconciler sweep. Idempotent: the engine starts once, so
 * the server's fuller start (lib/platform-engine.ts) wins when it ran first.
 */
export function startReleaseEngine(options: Parameters<typeof startEngine>[1] = {}): void {
  startEngine(releaseTasks, options);
}
