import { announceRelease } from "./release-queue";
import { startEngine } from "./start-engine";

/**
 * Call once a release is committed (lib/deploys/request-release.ts): the release is
 * already in the queue (its row), this only wakes a worker in every replica. Starts
 * this process's engine if nothing did yet (scripts and tests; the server starts it
 * in instrumentation.ts).
 */
export function enqueueRelease(releaseId: string): void {
  startEngine();
  announceRelease(releaseId);
}
