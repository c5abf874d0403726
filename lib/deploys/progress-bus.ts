/**
 * Rollout progress inside this process, from the release runner to the browsers
 * watching (server-sent events). Other replicas' browsers fall back to the database
 * state, which the events route re-reads; see app/.../events/route.ts.
 */
import { EventEmitter } from "node:events";
import type { ReleaseStatus } from "@/lib/generated/prisma/enums";

export type ReleaseProgress = {
  releaseId: string;
  status: ReleaseStatus;
  updated?: number;
  available?: number;
  desired?: number;
  message?: string;
  error?: string | null;
};

const holder = globalThis as unknown as { slipwayProgressBus?: EventEmitter };
const bus = (holder.slipwayProgressBus ??= new EventEmitter().setMaxListeners(0));

export function publishProgress(progress: ReleaseProgress): void {
  bus.emit(progress.releaseId, progress);
}

export function subscribeProgress(releaseId: string, listener: (progress: ReleaseProgress) => void): () => void {
  bus.on(releaseId, listener);
  return () => bus.off(releaseId, listener);
}

export const TERMINAL: readonly ReleaseStatus[] = ["SUCCEEDED", "FAILED"];
