/**
 * Graceful shutdown, as other code sees it: readiness turns 503, the queue stops
 * claiming, event streams end with a reconnect hint. lib/engine/start-engine.ts
 * starts it on SIGTERM.
 */
import { engineState } from "./process-state";

/** Aborted when this process starts shutting down. */
export function shutdownSignal(): AbortSignal {
  return engineState().shutdown.signal;
}

export function isShuttingDown(): boolean {
  return shutdownSignal().aborted;
}

/** Runs `listener` when shutdown starts (at once if it has); returns an unsubscribe. */
export function onShutdown(listener: () => void): () => void {
  const signal = shutdownSignal();
  if (signal.aborted) {
    listener();
    return () => {};
  }
  signal.addEventListener("abort", listener, { once: true });
  return () => signal.removeEventListener("abort", listener);
}

export function beginShutdown(): void {
  engineState().shutdown.abort();
}
