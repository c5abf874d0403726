/**
 * A release's progress as a server-sent event stream: the current state first, then
 * every update the rollout watch in this process publishes, and a re-read of the row
 * every few seconds (so a browser attached to another replica still sees the end).
 */
import { db } from "@/lib/db";
import { findApp } from "@/lib/apps/find-app";
import { AppError } from "@/lib/errors";
import { fileBody, teamUseCase } from "@/lib/usecase/define";
import { subscribeProgress, TERMINAL, type ReleaseProgress } from "./progress-bus";
import { releaseParams } from "./release.types";

const RECHECK_MS = 5_000;

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

function progressStream(release: { id: string; status: ReleaseProgress["status"]; error: string | null }): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cleanup = () => {};

  return new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const send = (progress: Partial<ReleaseProgress>) => {
        if (closed) return;
        controller.enqueue(encoder.encode(`event: progress\ndata: ${JSON.stringify(progress)}\n\n`));
        if (progress.status && TERMINAL.includes(progress.status)) cleanup();
      };
      const unsubscribe = subscribeProgress(release.id, send);
      const timer = setInterval(async () => {
        const row = await db()
          .release.findUnique({ where: { id: release.id }, select: { status: true, error: true } })
          .catch(() => null);
        if (row && TERMINAL.includes(row.status)) send({ status: row.status, error: row.error });
        else if (!closed) controller.enqueue(encoder.encode(": still watching\n\n"));
      }, RECHECK_MS);
      cleanup = () => {
        if (closed) return;
        closed = true;
        unsubscribe();
        clearInterval(timer);
        controller.close();
      };
      send({ status: release.status, error: release.error });
    },
    cancel() {
      cleanup();
    },
  });
}
