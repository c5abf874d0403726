/**
 * Route handlers the browser calls with its session cookie (downloads, the live
 * rollout stream): session -> membership -> permission, errors as JSON with the
 * request id, like the /api/v1 wrappers that take a bearer token instead.
 */
import { getSessionUser } from "@/lib/auth/session";
import type { Actor, RequestInfo } from "@/lib/authz/actor";
import { authorizeTeam } from "@/lib/authz/authorize";
import type { TeamPermission } from "@/lib/authz/permissions";
import type { TeamContext } from "@/lib/authz/team-context";
import { AppError } from "@/lib/errors";
import { errorResponse } from "./respond";
import { requestInfo } from "./request-info";

type Params = Record<string, string>;
type Handler<P extends Params> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

export function sessionRoute<P extends Params>(
  fn: (args: { actor: Actor; request: RequestInfo; params: P; raw: Request }) => Promise<Response>,
): Handler<P> {
  return async (raw, context) => {
    const info = requestInfo(raw.headers);
    try {
      const user = await getSessionUser();
      if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
      return await fn({ actor: { ...user, via: "session" }, request: info, params: await context.params, raw });
    } catch (error) {
      return errorResponse(error, info.id);
    }
  };
}

export function sessionTeamRoute<P extends Params & { team: string }>(
  permission: TeamPermission,
  fn: (args: { ctx: TeamContext; params: P; raw: Request }) => Promise<Response>,
): Handler<P> {
  return sessionRoute<P>(async ({ actor, request, params, raw }) =>
    fn({ ctx: await authorizeTeam({ actor, teamSlug: params.team, permission, request }), params, raw }),
  );
}

export function attachment(body: string, filename: string, contentType: string): Response {
  return new Response(body, {
    headers: { "content-type": contentType, "content-disposition": `attachment; filename="${filename}"`, "cache-control": "no-store" },
  });
}
