/**
 * A pod's log through the API server, with a team token: read once (a download) or
 * followed (kubectl logs -f). Following uses the library's Log helper, which pipes the
 * response into a Writable; its response body is reached through the `pipe` event so
 * that an abort or a dropped connection ends the follow instead of becoming an
 * unhandled stream error. The helper reports a refusal without the API server's words,
 * so a failed start is asked again with a one-line read, whose error carries them.
 */
import { Writable } from "node:stream";
import { Log } from "@kubernetes/client-node";
import type { TeamClient } from "./client";
import { K8sError, hasClusterStatus, isK8sError } from "./errors";
import { LABELS } from "./manifests";

export type PodLogTarget = { namespace: string; pod: string; container: string; sinceSeconds?: number; tailLines?: number };

/** A pod as far as its logs go: which app it belongs to and its containers. */
export type LogPod = { name: string; app: string | undefined; containers: string[] };

export async function readLogPod(team: TeamClient, namespace: string, name: string): Promise<LogPod | null> {
  try {
    const pod = await team.call({ verb: "get", kind: "pod", name, namespace }, () => team.core.readNamespacedPod({ name, namespace }));
    return {
      name,
      app: pod.metadata?.labels?.[LABELS.app],
      containers: [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].map((c) => c.name),
    };
  } catch (error) {
    if (hasClusterStatus(error, 404)) return null;
    throw error;
  }
}

/** The log as it is now, with timestamps, at most `limitBytes`. */
export async function readPodLog(team: TeamClient, target: PodLogTarget & { limitBytes: number }): Promise<string> {
  const { namespace, pod, container, sinceSeconds, tailLines, limitBytes } = target;
  return team.call({ verb: "read the log of", kind: "pod", name: pod, namespace }, () =>
    team.core.readNamespacedPodLog({ name: pod, namespace, container, sinceSeconds, tailLines, limitBytes, timestamps: true }),
  );
}

export type LogSink = {
  /** A chunk of the log; call `next` when ready for more (backpressure up to the API server). */
  data(chunk: Buffer, next: () => void): void;
  /** The log ended (the container stopped, the pod went away) or, with `error`, broke off. */
  end(error?: Error): void;
};

/**
 * Follows the log until `signal` aborts or it ends. Resolves once the API server has
 * answered (rejects with its reason when it refuses); lines then arrive in `sink`.
 */
export async function followPodLog(team: TeamClient, target: PodLogTarget, sink: LogSink, signal: AbortSignal): Promise<void> {
  const { namespace, pod, container, sinceSeconds, tailLines } = target;
  let ended = false;
  const end = (error?: Error) => {
    if (ended) return;
    ended = true;
    if (!signal.aborted) sink.end(error);
  };
  const writable = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (signal.aborted) callback();
      else sink.data(chunk, () => callback());
    },
    final(callback) {
      end();
      callback();
    },
  });
  writable.on("pipe", (source) => source.on("error", (error: Error) => end(error)));
  writable.on("error", (error) => end(error));

  let upstream: AbortController;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const started = team.call({ verb: "follow the log of", kind: "pod", name: pod, namespace }, async () =>
      new Log(await team.kubeConfigWithCredentials()).log(namespace, pod, container, writable, {
        follow: true,
        timestamps: true,
        sinceSeconds,
        tailLines,
      }),
    );
    // The helper takes no signal: a follow that answers after we gave up is ended at once.
    void started.then(
      (late) => ended && late.abort(),
      () => {},
    );
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        ended = true;
        reject(
          new K8sError("CLUSTER_ERROR", `The cluster did not start sending the log of pod ${pod} within ${team.timeoutMs / 1000} s.`, {
            reason: "Timeout",
            namespace,
          }),
        );
      }, team.timeoutMs);
    });
    upstream = await Promise.race([started, timedOut]);
  } catch (error) {
    if (isK8sError(error) && error.reason === "Timeout") throw error;
    // The API server's own words ("container ... is waiting to start", ...).
    await readPodLog(team, { ...target, tailLines: 1, limitBytes: 1 });
    throw error;
  } finally {
    clearTimeout(timer);
  }
  const stop = () => {
    ended = true;
    upstream.abort();
    writable.destroy();
  };
  if (signal.aborted) stop();
  else signal.addEventListener("abort", stop, { once: true });
}
