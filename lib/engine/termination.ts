/**
 * SIGTERM/SIGINT: readiness turns 503 and streams end at once (beginShutdown), the queue
 * drains (applies in progress finish, up to DRAIN_MS; watches are handed over to
 * another replica), then Next.js's own handler closes the HTTP server and exits.
 *
 * Next.js registers that handler itself, before or after this runs; left alone it would
 * close the server and exit while applies are still in flight. So its handlers are
 * taken off the signal and run after the drain. A hard timer makes sure the process is
 * gone within 10 s whatever hangs.
 */
import { engineState } from "./process-state";
import { DRAIN_MS, stopEngine } from "./start-engine";
import { logEvent } from "@/lib/observability/logger";

const SIGNALS = ["SIGTERM", "SIGINT"] as const;
const HARD_EXIT_MS = 9_500;

type Handler = (signal: NodeJS.Signals) => void;

export function handleTermination(log: (message: string, error?: unknown) => void = logEvent): void {
  const state = engineState();
  if (state.terminationHandled) return;
  state.terminationHandled = true;
  const deferred: Record<string, Handler[]> = {};
  let stopping = false;

  const ours = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down (draining the release queue)`);
    setTimeout(() => process.exit(143), HARD_EXIT_MS).unref();
    void stopEngine({ drainMs: DRAIN_MS })
      .catch((error) => log("shutdown: drain failed", error))
      .finally(() => {
        const next = deferred[signal] ?? [];
        if (next.length === 0) process.exit(signal === "SIGINT" ? 130 : 143);
        for (const handler of next) handler(signal);
      });
  };

  for (const signal of SIGNALS) {
    deferred[signal] = process.listeners(signal) as Handler[];
    for (const handler of deferred[signal]) process.off(signal, handler);
    process.on(signal, ours);
  }
  process.on("newListener", (event: string | symbol, listener: Handler) => {
    if (typeof event !== "string" || !(SIGNALS as readonly string[]).includes(event) || listener === ours) return;
    deferred[event]!.push(listener);
    // Added after this returns; take it off again on the next tick.
    setImmediate(() => process.off(event, listener));
  });
}
