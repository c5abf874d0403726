/**
 * A release's progress as a server-sent event stream: the current state first (status
 * and the last rollout counts stored on the row), then every update published by
 * whichever replica runs the release (progress-bus.ts), and a re-read of the row every
 * few seconds in case a notification was lost. When this replica shuts down, the stream
 * ends with a `reconnect` event (and `retry:`), so the browser reattaches elsewhere.
 */
import { db } from "@/lib/db";
import { findApp } from "@/lib/apps/find-app";
import { AppError } from "@/lib/errors";
import { onShutdown } from "@/lib/engine/shutdown";
import { fileBody, teamUseCase } from "@/lib/usecase/define";
import { subscribeProgress, TERMINAL, type ReleaseProgress } from "./progress-bus";
import { releaseParams } from "./release.types";

const RECHECK_MS = 5_000;
const RECONNECT_MS = 1_000;

type Counts = Pick<ReleaseProgress, "updated" | "available" | "desired" | "message">;

export const streamReleaseEvents = teamUseCase({
  name: "streamReleaseEvents",
  summary: "A release's rollout progress as server-sent events (`progress` events with status and counts), until it ends",
  permissions: ["app.read"],
  input: releaseParams,
  output: fileBody,
  route: { method: "GET", path: "/teams/{team}/apps/{app}/releases/{sequence}/events", produces: ["text/event-stream"] },
  async run({ ctx, input }) {
    const app = await findApp(ctx, input.app, { includeArchived: true });
    const release = await db().release.findUnique({ where: { appId_sequence: { appId: app.id, sequence: input.sequence } } });
    if (!release) throw new AppError("NOT_FOUND", `${app.name} has no release #${input.sequence}.`);
    return { body: progressStream(release), contentType: "text/event-stream; charset=utf-8" };
  },
});

function progressStream(release: {
  id: string;
  status: ReleaseProgress["status"];
  error: string | null;
  progress: unknown;
}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cleanup = (_options?: { cancelled: boolean }) => {};

  return new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const write = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const send = (progress: Partial<ReleaseProgress>) => {
        write(`event: progress\ndata: ${JSON.stringify(progress)}\n\n`);
        if (progress.status && TERMINAL.includes(progress.status)) cleanup();
      };
      const unsubscribe = subscribeProgress(release.id, send);
      const timer = setInterval(async () => {
        const row = await db()
          .release.findUnique({ where: { id: release.id }, select: { status: true, error: true } })
          .catch(() => null);
        if (row && TERMINAL.includes(row.status)) send({ status: row.status, error: row.error });
        else write(": still watching\n\n");
      }, RECHECK_MS);
      const stopOnShutdown = onShutdown(() => {
        write(`retry: ${RECONNECT_MS}\nevent: reconnect\ndata: {}\n\n`);
        cleanup();
      });
      cleanup = (options) => {
        if (closed) return;
        closed = true;
        unsubscribe();
        stopOnShutdown();
        clearInterval(timer);
        // A stream the reader cancelled is closed already; closing it again throws.
        if (!options?.cancelled) controller.close();
      };
      const counts = release.status === "ROLLING_OUT" ? ((release.progress as Counts | null) ?? {}) : {};
      send({ status: release.status, error: release.error, ...counts });
    },
    cancel() {
      cleanup({ cancelled: true });
    },
  });
}
