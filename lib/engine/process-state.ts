/**
 * Engine state that must be one per process. Next.js may load lib/engine once per
 * server bundle (instrumentation, route handlers), so module-level variables would be
 * several; everything shared lives on one globalThis object instead.
 */
import { randomBytes } from "node:crypto";
import { EventEmitter, setMaxListeners } from "node:events";
import { hostname } from "node:os";

/**
 * Room in this process's worker for a release being created, so it can be created
 * already claimed by it (lib/deploys/request-release.ts) and `start`ed once committed.
 */
export type ReleaseSlot = {
  workerId: string;
  claimSeconds: number;
  /** `known`: what the accepting request knows of the release, handed to the run (ClaimedRun.known). */
  start(releaseId: string, known?: unknown): void;
};

export type EngineState = {
  /** Names this process in claims and notifications. */
  processId: string;
  /** Local delivery of notifications (and of everything, on PGlite). */
  bus: EventEmitter;
  shutdown: AbortController;
  started: boolean;
  /** Filled in by the queue worker once it runs. */
  worker?: {
    wake(): void;
    drain(timeoutMs: number): Promise<void>;
    running(): number;
    stop(releaseId: string): void;
    slot(): ReleaseSlot | null;
  };
  /** Filled in by the notification listener once it runs. */
  listener?: { close(): Promise<void> };
  leader?: { isLeader(): boolean; close(): Promise<void> };
  oidc?: { ok: true } | { ok: false; reason: string };
  terminationHandled?: boolean;
};

const holder = globalThis as unknown as { slipwayEngine?: EngineState };

export function engineState(): EngineState {
  if (!holder.slipwayEngine) {
    const shutdown = new AbortController();
    // Every open event stream listens for shutdown: dozens are normal, not the leak Node warns about past 10.
    setMaxListeners(0, shutdown.signal);
    holder.slipwayEngine = {
      processId: `${hostname().slice(0, 60)}-${process.pid}-${randomBytes(3).toString("hex")}`,
      bus: new EventEmitter().setMaxListeners(0),
      shutdown,
      started: false,
    };
  }
  return holder.slipwayEngine;
}
