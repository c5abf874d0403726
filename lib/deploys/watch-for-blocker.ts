/**
 * Beside the rollout watch, looks every few seconds for a reason the rollout cannot
 * finish (lib/k8s/rollout-blockers.ts). When it finds one, `signal` aborts (which ends
 * the watch) and `cause()` says why; the caller's own signal aborts it too. A failed
 * look (the API server busy) is only tried again: the progress deadline still applies.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { findRolloutBlocker, type TeamClient } from "@/lib/k8s";
import { logger } from "@/lib/observability/logger";

const CHECK_MS = 2_000;

export function watchForBlocker(options: { team: TeamClient; namespace: string; app: string; releaseId: string; signal: AbortSignal }) {
  const controller = new AbortController();
  const stopped = new AbortController();
  let cause: string | null = null;
  const onCaller = () => controller.abort();
  options.signal.addEventListener("abort", onCaller, { once: true });
  if (options.signal.aborted) controller.abort();

  void (async () => {
    while (!controller.signal.aborted && !stopped.signal.aborted) {
      await sleep(CHECK_MS, undefined, { signal: stopped.signal }).catch(() => {});
      if (stopped.signal.aborted) return;
      try {
        const found = await findRolloutBlocker(options.team, options.namespace, options.app, options.releaseId);
        if (found && !stopped.signal.aborted) {
          cause = found;
          controller.abort();
        }
      } catch (error) {
        logger.debug({ err: error, releaseId: options.releaseId }, "could not look for rollout blockers; trying again");
      }
    }
  })();

  return {
    signal: controller.signal,
    cause: () => cause,
    stop: () => {
      stopped.abort();
      options.signal.removeEventListener("abort", onCaller);
    },
  };
}
