/**
 * A release's progress as a server-sent event stream: the current state first, then
 * every update the rollout watch in this process publishes, and a re-read of the row
 * every few seconds (so a browser attached to another replica still sees the end).
 */
import { db } from "@/lib/db";
import type { TeamContext } from "@/lib/authz/team-context";
import { findApp } from "@/lib/apps/find-app";
import { AppError } from "@/lib/errors";
import { subscribeProgress, TERMINAL, type ReleaseProgress } from "./progress-bus";

const RECHECK_MS = 5_000;

export async function releaseEvents(options: {
  ctx: TeamContext;
  app: string;
  sequence: number;
  signal: AbortSignal;
}): Promise<ReadableStream<Uint8Array>> {
  const app = await findApp(options.ctx, options.app, { includeArchived: true });
  const release = await db().release.findUnique({ where: { appId_sequence: { appId: app.id, sequence: options.sequence } } });
  if (!release) throw new AppError("NOT_FOUND", `${app.name} has no release #${options.sequence}.`);
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
        options.signal.removeEventListener("abort", cleanup);
        controller.close();
      };
      options.signal.addEventListener("abort", cleanup);
      send({ status: release.status, error: release.error });
    },
    cancel() {
      cleanup();
    },
  });
}
