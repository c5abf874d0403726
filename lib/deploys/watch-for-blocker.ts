/**
 * Beside the rollout watch, looks for a reason the rollout cannot finish
 * (lib/k8s/rollout-blockers.ts) whenever the namespace's shared watch sees this
 * namespace's ReplicaSets, pods or events change: no polling of the API server. When it
 * finds one, `signal` aborts (which ends the rollout watch) and `cause()` says why; the
 * caller's own signal aborts it too. It also looks every RECHECK_MS at what the cache
 * holds (memory only, no request), so a cache that could not be read yet, or a change
 * notice it missed, delays the verdict by seconds, not until the progress deadline.
 */
import { findRolloutBlocker, type NamespaceCache } from "@/lib/k8s";
import { logger } from "@/lib/observability/logger";

const RECHECK_MS = 3_000;

export function watchForBlocker(options: { cache: NamespaceCache; app: string; releaseId: string; signal: AbortSignal }) {
  const controller = new AbortController();
  let stopped = false;
  let cause: string | null = null;
  let looking = false;
  let again = false;
  const onCaller = () => controller.abort();
  options.signal.addEventListener("abort", onCaller, { once: true });
  if (options.signal.aborted) controller.abort();

  const look = async (): Promise<void> => {
    if (looking) {
      again = true;
      return;
    }
    looking = true;
    try {
      do {
        again = false;
        const { objects, error } = await options.cache.read();
        if (stopped || controller.signal.aborted) return;
        if (error) {
          logger.debug({ releaseId: options.releaseId, error }, "cannot look for rollout blockers yet; waiting for the next change");
          continue;
        }
        const found = findRolloutBlocker(objects, options.app, options.releaseId);
        if (found) {
          cause = found;
          controller.abort();
          return;
        }
      } while (again);
    } finally {
      looking = false;
    }
  };
  const unsubscribe = options.cache.subscribe(() => void look(), ["replicasets", "pods", "events"]);
  const recheck = setInterval(() => void look(), RECHECK_MS);
  recheck.unref();
  void look();

  return {
    signal: controller.signal,
    cause: () => cause,
    stop: () => {
      stopped = true;
      unsubscribe();
      clearInterval(recheck);
      options.signal.removeEventListener("abort", onCaller);
    },
  };
}
