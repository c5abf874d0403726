import { startEngine } from "@/lib/engine/start-engine";
import { reconcileReleases } from "./reconcile-releases";
import { runRelease } from "./run-release";

/**
 * Starts this process's engine (lib/engine) with what it runs for releases: the runner
 * for claimed releases and the reconciler sweep. Idempotent: the engine starts once.
 */
export function startReleaseEngine(options: Parameters<typeof startEngine>[1] = {}): void {
  startEngine({ runRelease, sweep: reconcileReleases }, options);
}
