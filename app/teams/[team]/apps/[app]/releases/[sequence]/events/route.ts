import { errorResponse } from "@/lib/api/respond";
import { getSessionUser } from "@/lib/auth/session";
import { authorizeTeam } from "@/lib/authz/authorize";
import { releaseEvents } from "@/lib/deploys/release-events";
import { AppError } from "@/lib/errors";
import { parseReleaseNumber } from "@/lib/validation/fields";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ team: string; app: string; sequence: string }> }) {
  const { team, app, sequence } = await params;
  try {
    const user = await getSessionUser();
    if (!user) throw new AppError("UNAUTHENTICATED", "Sign in to watch deploys.");
    const ctx = await authorizeTeam({ actor: { ...user, via: "session" }, teamSlug: team, permission: "app.read" });
    const number = parseReleaseNumber(sequence);
    if (!number) throw new AppError("NOT_FOUND", `No release #${sequence}.`);
    const stream = await releaseEvents({ ctx, app, sequence: number, signal: request.signal });
    return new Response(stream, {
      headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", "x-accel-buffering": "no" },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
