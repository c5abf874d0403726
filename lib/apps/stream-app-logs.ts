/**
 * One container's log, followed, as server-sent events: `lines` events (a JSON array of
 * { time, text }) as the API server sends them, `end` when the log ends (the container
 * stopped, the pod went away), `failure` when the connection to the cluster breaks, and
 * `reconnect` (with `retry:`) when this replica shuts down.
 *
 * Bounded: each browser stream holds exactly one upstream follow, read with the caller's
 * team token and aborted when the browser leaves or on shutdown; lines are cut at
 * MAX_LINE_CHARS; the upstream is read only as fast as the browser takes the events
 * (backpressure through the stream's queue); and one person has at most
 * MAX_STREAMS_PER_USER follows open in this process.
 */
import { teamClusterClient } from "@/lib/cluster/audited-cluster-call";
import { AppError } from "@/lib/errors";
import { onShutdown } from "@/lib/engine/shutdown";
import { followPodLog, type TeamClient } from "@/lib/k8s";
import { logError } from "@/lib/observability/logger";
import { environmentOf } from "@/lib/environments/team-environments";
import { requireClusterFor } from "@/lib/platform-cluster";
import { fileBody, teamUseCase } from "@/lib/usecase/define";
import { appLogsInput } from "./app-logs.types";
import { findApp } from "./find-app";
import { findAppPod } from "./find-app-pod";
import { LogLineSplitter, type LogLine } from "./log-lines";

const RECONNECT_MS = 1_000;
const HEARTBEAT_MS = 15_000;
const DEFAULT_TAIL_LINES = 200;
export const MAX_STREAMS_PER_USER = 10;

const openStreams = new Map<string, number>();

export const streamAppLogs = teamUseCase({
  name: "streamAppLogs",
  summary:
    "Follow one container's log of one of the app's pods, with timestamps, as server-sent events (`lines` events: [{ time, text }]; `end`, `failure`, `reconnect`)",
  permissions: ["app.read"],
  input: appLogsInput,
  output: fileBody,
  route: { method: "GET", path: "/teams/{team}/apps/{app}/logs", produces: ["text/event-stream"] },
  async run({ ctx, input }) {
    const app = await findApp(ctx, input.app, { includeArchived: true });
    const environment = await environmentOf(ctx, input.environment);
    const team = teamClusterClient(ctx, environment, await requireClusterFor(environment.clusterId));
    const { pod, container } = await findAppPod(ctx, team, environment.namespace, app, input.pod, input.container || undefined);
    if ((openStreams.get(ctx.actor.id) ?? 0) >= MAX_STREAMS_PER_USER) {
      throw new AppError("RATE_LIMITED", `You already follow ${MAX_STREAMS_PER_USER} logs; close one (another tab) and try again.`, {
        retryAfterSeconds: 5,
      });
    }
    const target = {
      namespace: environment.namespace,
      pod,
      container,
      sinceSeconds: input.sinceSeconds,
      tailLines: input.tailLines ?? (input.sinceSeconds ? undefined : DEFAULT_TAIL_LINES),
    };
    const body = await logStream(team, target, ctx.actor.id);
    return { body, contentType: "text/event-stream; charset=utf-8" };
  },
});

/** Starts the follow first, so a refusal is the request's error (a status and a message), not an event. */
async function logStream(
  team: TeamClient,
  target: Parameters<typeof followPodLog>[1],
  userId: string,
): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  const upstream = new AbortController();
  const splitter = new LogLineSplitter();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let closed = false;
  let waiting: (() => void) | undefined;
  const write = (text: string) => {
    if (!closed) controller.enqueue(encoder.encode(text));
  };
  const send = (lines: LogLine[]) => {
    if (lines.length > 0) write(`event: lines\ndata: ${JSON.stringify(lines)}\n\n`);
  };
  openStreams.set(userId, (openStreams.get(userId) ?? 0) + 1);
  const heartbeat: { timer?: ReturnType<typeof setInterval> } = {};
  let stopOnShutdown = () => {};
  const cleanup = (options?: { cancelled: boolean }) => {
    if (closed) return;
    closed = true;
    upstream.abort();
    clearInterval(heartbeat.timer);
    stopOnShutdown();
    const left = (openStreams.get(userId) ?? 1) - 1;
    if (left > 0) openStreams.set(userId, left);
    else openStreams.delete(userId);
    waiting?.();
    // A stream the reader cancelled is closed already; closing it again throws.
    if (!options?.cancelled) controller.close();
  };

  const stream = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
      },
      pull() {
        const next = waiting;
        waiting = undefined;
        next?.();
      },
      cancel() {
        cleanup({ cancelled: true });
      },
    },
    { highWaterMark: 32 },
  );

  try {
    await followPodLog(
      team,
      target,
      {
        data(chunk, next) {
          send(splitter.push(chunk));
          if (closed || (controller.desiredSize ?? 1) > 0) next();
          else waiting = next;
        },
        end(error) {
          send(splitter.flush());
          if (error) {
            logError("log stream: the connection to the cluster broke off", error);
            write(
              `event: failure\ndata: ${JSON.stringify({ message: "The connection to the cluster broke off; reload to follow again." })}\n\n`,
            );
          } else write(`event: end\ndata: {}\n\n`);
          cleanup();
        },
      },
      upstream.signal,
    );
  } catch (error) {
    cleanup();
    throw error;
  }
  if (closed) return stream;
  heartbeat.timer = setInterval(() => write(": still following\n\n"), HEARTBEAT_MS);
  stopOnShutdown = onShutdown(() => {
    write(`retry: ${RECONNECT_MS}\nevent: reconnect\ndata: {}\n\n`);
    cleanup();
  });
  return stream;
}
