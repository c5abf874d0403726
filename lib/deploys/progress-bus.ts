/**
 * Rollout progress, from the replica that runs a release to the browsers watching it
 * on any replica: published here and through PostgreSQL NOTIFY (lib/engine/
 * notifications.ts; in-process on PGlite). A browser that attaches late reads the
 * release row first (status and the last counts, see release-events.ts).
 */
import { EventEmitter } from "node:events";
import type { ReleaseStatus } from "@/lib/generated/prisma/enums";
import { CHANNELS, listen, notificationInStatement, notify } from "@/lib/engine/notifications";
import { logError } from "@/lib/observability/logger";

export type ReleaseProgress = {
  releaseId: string;
  status: ReleaseStatus;
  updated?: number;
  available?: number;
  desired?: number;
  message?: string;
  error?: string | null;
};

// Per-release delivery; one listener on the shared channel feeds it (once per process).
const holder = globalThis as unknown as { slipwayProgressBus?: EventEmitter };
const bus = (holder.slipwayProgressBus ??= (() => {
  const emitter = new EventEmitter().setMaxListeners(0);
  listen(CHANNELS.progress, (body) => {
    const progress = body as ReleaseProgress;
    if (progress && typeof progress.releaseId === "string") emitter.emit(progress.releaseId, progress);
  });
  return emitter;
})());

/** NOTIFY payloads stay far below PostgreSQL's 8000 bytes. */
const clip = (text: string | null | undefined) => (typeof text === "string" && text.length > 1000 ? `${text.slice(0, 1000)}…` : text);

const shaped = (progress: ReleaseProgress) => ({ ...progress, message: clip(progress.message) ?? undefined, error: clip(progress.error) });

export function publishProgress(progress: ReleaseProgress): void {
  notify(CHANNELS.progress, shaped(progress)).catch((error) => logError(`progress: could not publish for ${progress.releaseId}`, error));
}

/** Progress announced by the statement that records it (lib/engine/notifications.ts, notificationInStatement). */
export function progressInStatement(progress: ReleaseProgress) {
  return notificationInStatement(CHANNELS.progress, shaped(progress));
}

export function subscribeProgress(releaseId: string, listener: (progress: ReleaseProgress) => void): () => void {
  bus.on(releaseId, listener);
  return () => bus.off(releaseId, listener);
}

export const TERMINAL: readonly ReleaseStatus[] = ["SUCCEEDED", "FAILED"];
