/**
 * Follows a Deployment's rollout with the watch API (not polling) until kubectl's
 * rule says done or failed.
 *
 * Each round reads the Deployment, then watches from that resourceVersion. A watch
 * ends normally after `watchSeconds` (server-side timeout) or with 410 Gone when
 * the version is too old; both start a new round with a fresh read.
 *
 * The watch is a plain HTTPS request rather than the client's Watch helper, so
 * every phase (connect, first byte, an idle stream) has a timeout of our own.
 *
 * A transient failure (the API server unreachable, restarting, answering 429/5xx) is
 * not the rollout's outcome: the watch tries again, backing off, until its deadline,
 * and only then fails, with the last error in the message.
 */
import * as https from "node:https";
import { setTimeout as sleep } from "node:timers/promises";
import type { TeamClient } from "./client";
import { K8sError, isTransientK8sError, k8sErrorFromStatus, toK8sError, type K8sCallContext } from "./errors";
import { rolloutStatus, type DeploymentLike, type RolloutStatus } from "./rollout";

export type WatchRolloutOptions = {
  /** The generation applyRelease returned; older status is not taken as an answer. */
  generation?: number;
  onProgress?: (status: RolloutStatus) => void;
  signal?: AbortSignal;
  /** Give up after this long (default 10 minutes); the rollout itself carries on. */
  timeoutMs?: number;
  /** Length of each watch request before a fresh read (default 60 s). */
  watchSeconds?: number;
  /** Told about each transient failure that the watch will retry. */
  onRetry?: (error: K8sError) => void;
};

const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 5_000;

type WatchEvent = { type?: string; object?: unknown };

const isFinal = (s: RolloutStatus) => s.done || s.failed;

export async function watchRollout(
  team: TeamClient,
  namespace: string,
  name: string,
  options: WatchRolloutOptions = {},
): Promise<RolloutStatus> {
  const timeoutMs = options.timeoutMs ?? 10 * 60_000;
  const deadline = Date.now() + timeoutMs;
  // A timer of our own: a bare AbortSignal.timeout inside AbortSignal.any can be
  // garbage-collected before it fires on Node 20.
  const overallController = new AbortController();
  const overallTimer = setTimeout(() => overallController.abort(), timeoutMs);
  const stopOnCaller = () => overallController.abort();
  options.signal?.addEventListener("abort", stopOnCaller, { once: true });
  if (options.signal?.aborted) overallController.abort();
  const overall = overallController.signal;
  try {
    return await followRollout(team, namespace, name, options, { timeoutMs, deadline, overall });
  } finally {
    clearTimeout(overallTimer);
    options.signal?.removeEventListener("abort", stopOnCaller);
  }
}

async function followRollout(
  team: TeamClient,
  namespace: string,
  name: string,
  options: WatchRolloutOptions,
  limits: { timeoutMs: number; deadline: number; overall: AbortSignal },
): Promise<RolloutStatus> {
  const { timeoutMs, deadline, overall } = limits;
  const context: K8sCallContext = { verb: "watch", kind: "Deployment", name, namespace, cluster: team.server };

  let lastReported = "";
  const judge = (deployment: DeploymentLike) => {
    const status = rolloutStatus(deployment, { generation: options.generation });
    const key = JSON.stringify(status);
    if (key !== lastReported) {
      lastReported = key;
      options.onProgress?.(status);
    }
    return status;
  };
  let lastError: K8sError | undefined;
  let retryMs = FIRST_RETRY_MS;
  const stopped = () => {
    if (options.signal?.aborted) return new K8sError("UNAVAILABLE", "Stopped following the rollout.", { ...context, reason: "Aborted" });
    const last = lastError ? ` The last attempt to follow it failed: ${lastError.message}` : "";
    return new K8sError(
      "UNAVAILABLE",
      `The rollout of "${name}" in namespace "${namespace}" did not finish within ${Math.round(timeoutMs / 1000)} s.${last}`,
      { ...context, reason: "Timeout", cause: lastError },
    );
  };

  while (!overall.aborted && Date.now() < deadline) {
    try {
      const deployment = await team.call({ ...context, verb: "get" }, () => team.apps.readNamespacedDeployment({ name, namespace }));
      const status = judge(deployment);
      if (isFinal(status)) return status;
      // Stopped while the read was under way: a listener added to an aborted signal never runs, so no watch starts.
      if (overall.aborted) throw stopped();

      const seconds = Math.max(1, Math.min(options.watchSeconds ?? 60, Math.ceil((deadline - Date.now()) / 1000)));
      const final = await team.call(context, () =>
        watchOnce(team, context, deployment.metadata?.resourceVersion ?? "", seconds, overall, judge),
      );
      if (final) return final;
      retryMs = FIRST_RETRY_MS;
    } catch (e) {
      if (overall.aborted) throw stopped();
      const error = toK8sError(e, context);
      if (!isTransientK8sError(error)) throw error;
      lastError = error;
      options.onRetry?.(error);
      await sleep(Math.min(retryMs, Math.max(0, deadline - Date.now())), undefined, { signal: overall }).catch(() => {});
      retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
    }
  }
  throw stopped();
}

/**
 * One watch request. Resolves with the final status if the rollout ended during
 * it, or undefined when the watch ended (timeout, 410 Gone) and a new round is due.
 */
async function watchOnce(
  team: TeamClient,
  context: K8sCallContext,
  resourceVersion: string,
  seconds: number,
  overall: AbortSignal,
  judge: (deployment: DeploymentLike) => RolloutStatus,
): Promise<RolloutStatus | undefined> {
  const query = new URLSearchParams({
    watch: "true",
    fieldSelector: `metadata.name=${context.name}`,
    resourceVersion,
    timeoutSeconds: String(seconds),
  });
  const url = new URL(`/apis/apps/v1/namespaces/${encodeURIComponent(context.namespace!)}/deployments?${query}`, team.server);
  const base = await team.requestOptions();
  const timeoutError = (what: string) => Object.assign(new Error(`watch ${what} timed out`), { name: "TimeoutError" });

  return new Promise<RolloutStatus | undefined>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: { value?: RolloutStatus; error?: unknown }) => {
      if (settled) return;
      settled = true;
      clearTimeout(headerTimer);
      clearTimeout(streamTimer);
      overall.removeEventListener("abort", onAbort);
      request.destroy();
      if (outcome.error) reject(outcome.error);
      else resolve(outcome.value);
    };
    const onAbort = () => finish({ error: timeoutError("request") });
    // Aborted while the token was fetched: "abort" has fired already and would never reach the listener.
    if (overall.aborted) return reject(timeoutError("request"));
    overall.addEventListener("abort", onAbort, { once: true });

    const request = https.request(url, { ...base, method: "GET" }, (response) => {
      clearTimeout(headerTimer);
      if (response.statusCode !== 200) {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => finish({ error: k8sErrorFromStatus(response.statusCode ?? 0, body, context) }));
        response.on("error", (error) => finish({ error }));
        return;
      }
      let buffer = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        buffer += chunk;
        let newline: number;
        while ((newline = buffer.indexOf("\n")) >= 0) {
          const line = buffer.slice(0, newline).trim();
          buffer = buffer.slice(newline + 1);
          if (!line) continue;
          let event: WatchEvent;
          try {
            event = JSON.parse(line) as WatchEvent;
          } catch (error) {
            return finish({ error });
          }
          const outcome = handleEvent(event, context, judge);
          if (outcome) return finish(outcome);
        }
      });
      response.on("end", () => finish({}));
      response.on("error", (error) => finish({ error }));
    });
    // Until the response starts, the client's ordinary timeout applies. The server
    // ends the watch after `seconds`; a stream open much longer is a dead connection.
    const headerTimer = setTimeout(() => finish({ error: timeoutError("request") }), team.timeoutMs);
    const streamTimer = setTimeout(() => finish({ error: timeoutError("stream") }), seconds * 1000 + team.timeoutMs);
    request.on("error", (error) => finish({ error }));
    request.end();
  });
}

/** What one watch event means: a final status, an error, a new round ({}), or nothing yet. */
function handleEvent(
  event: WatchEvent,
  context: K8sCallContext,
  judge: (deployment: DeploymentLike) => RolloutStatus,
): { value?: RolloutStatus; error?: unknown } | undefined {
  switch (event.type) {
    case "ADDED":
    case "MODIFIED": {
      const status = judge(event.object as DeploymentLike);
      return isFinal(status) ? { value: status } : undefined;
    }
    case "DELETED":
      return {
        error: new K8sError("NOT_FOUND", `Deployment "${context.name}" was deleted during the rollout.`, {
          clusterStatus: 404,
          reason: "NotFound",
          namespace: context.namespace,
          cluster: context.cluster,
        }),
      };
    case "ERROR": {
      const status = event.object as { code?: number };
      // 410 Gone: our resourceVersion is too old; a fresh read starts over.
      if (status.code === 410) return {};
      return { error: k8sErrorFromStatus(status.code ?? 500, event.object, context) };
    }
    default:
      return undefined; // BOOKMARK
  }
}
