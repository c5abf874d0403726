import { sessionTeamRoute } from "@/lib/api/session-route";
import { releaseEvents } from "@/lib/deploys/release-events";
import { AppError } from "@/lib/errors";
import { parseReleaseNumber } from "@/lib/validation/fields";

export const dynamic = "force-dynamic";

/** The live rollout of one release, as server-sent events (components/apps/release-progress.tsx). */
export const GET = sessionTeamRoute<{ team: string; app: string; sequence: string }>("app.read", async ({ ctx, params, raw }) => {
  const sequence = parseReleaseNumber(params.sequence);
  if (!sequence) throw new AppError("NOT_FOUND", `No release #${params.sequence}.`);
  const stream = await releaseEvents({ ctx, app: params.app, sequence, signal: raw.signal });
  return new Response(stream, {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", "x-accel-buffering": "no" },
  });
});
