import { announceRelease } from "./release-queue";

/**
 * Call once a release is committed (lib/deploys/request-release.ts): the release is
 * already in the queue (its row), this only wakes a worker in every replica.
 */
export function enqueueRelease(releaseId: string): void {
  announceRelease(releaseId);
}
