/**
 * The /api/v1 adapter: a route file is one line, `export const { GET, ... } =
 * apiRoute(useCaseA, useCaseB)`. Each request: bearer token or session cookie (a
 * cookie request that changes state must come from this site's own pages) -> the
 * pipeline (lib/adapters/run-use-case.ts) -> the output put on the wire by its schema
 * (lib/validation/wire-encoder.ts). Methods
 * a path does not have answer 405 with `Allow`. One access-log line and one metric
 * sample per request.
 */
import { sessionUserFromCookies } from "@/lib/auth/session";
import type { Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";
import { logger, withRequestScope } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";
import { authenticateApiToken } from "@/lib/tokens/authenticate-api-token";
import { HTTP_METHODS, type AnyUseCase, type FileBody, type HttpMethod, type Routed } from "@/lib/usecase/define";
import { pathParams, readInput } from "./read-input";
import { requestInfo } from "./request-info";
import { requestArrivedAt } from "@/lib/http/request-peer";
import { encodeForWire } from "@/lib/validation/wire-encoder";
import { errorResponse, json } from "./respond";
import { runUseCase } from "./run-use-case";

type RouteContext = { params: Promise<Record<string, string | string[]>> };
export type RouteHandler = (request: Request, context: RouteContext) => Promise<Response>;

/** Whoever sent the request: a token when there is an Authorization header, else the session cookie. */
async function authenticate(request: Request, method: HttpMethod, client: string | undefined): Promise<Actor> {
  const authorization = request.headers.get("authorization");
  if (authorization) return authenticateApiToken(authorization, client);
  const user = await sessionUserFromCookies(request.headers.get("cookie"));
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in, or send a personal access token: Authorization: Bearer slw_...");
  if (method !== "GET") assertSameOrigin(request);
  return { ...user, via: "session" };
}

/**
 * Cookies ride along with cross-site requests; a state change made with one must say it
 * comes from this site (the Origin browsers send on every POST, PUT, PATCH and DELETE).
 */
function assertSameOrigin(request: Request) {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host;
  let originHost: string | undefined;
  try {
    originHost = origin ? new URL(origin).host : undefined;
  } catch {
    originHost = undefined;
  }
  if (!originHost || originHost !== host) {
    throw new AppError(
      "FORBIDDEN",
      "A change made with a session cookie must come from Slipway's own pages (the Origin header does not match).",
    );
  }
}

function successStatus(useCase: Routed<AnyUseCase>, output: unknown): number {
  return useCase.route.statusOf ? useCase.route.statusOf.pick(output as never) : (useCase.route.status ?? 200);
}

function respond(useCase: Routed<AnyUseCase>, output: unknown): Response {
  const status = successStatus(useCase, output);
  if (!useCase.route.produces) return json(encodeForWire(useCase.output, output), status);
  const file = output as FileBody;
  const headers: Record<string, string> = { "content-type": file.contentType, "cache-control": "no-store, no-transform" };
  // Proxies must pass a server-sent event stream through as it is written.
  if (file.contentType.startsWith("text/event-stream")) headers["x-accel-buffering"] = "no";
  if (useCase.route.download && file.filename) headers["content-disposition"] = `attachment; filename="${file.filename}"`;
  return new Response(file.body, { status, headers });
}

function handler(useCase: Routed<AnyUseCase>): RouteHandler {
  const { method, path } = useCase.route;
  return async (request, context) => {
    const info = requestInfo(request.headers);
    const started = performance.now();
    const arrivedAt = requestArrivedAt();
    return withRequestScope(info.id, async () => {
      let actorId: string | undefined;
      let response: Response;
      try {
        // A public use-case ignores credentials: it must behave the same with or without one.
        const actor = useCase.scope === "public" ? undefined : await authenticate(request, method, info.ip);
        actorId = actor?.id;
        const params = await pathParams(context);
        const { output } = await runUseCase(useCase, { actor, request: info }, params, await readInput(request, useCase.route));
        response = respond(useCase, output);
        response.headers.set("x-request-id", info.id);
      } catch (error) {
        response = errorResponse(error, info.id);
      }
      const seconds = (performance.now() - started) / 1000;
      metrics.httpRequests.observe({ method, route: `/api/v1${path}`, status: String(response.status) }, seconds);
      logger.info(
        {
          method,
          route: `/api/v1${path}`,
          status: response.status,
          durationMs: Math.round(seconds * 1000),
          // from the server's 'request' event to this handler: time in Next.js and the event loop's queue
          queuedMs: arrivedAt === undefined ? undefined : Math.round(started - arrivedAt),
          actorId,
          operation: useCase.name,
        },
        "request",
      );
      return response;
    });
  };
}

function notAllowed(allow: string): RouteHandler {
  return async (request) => {
    const info = requestInfo(request.headers);
    const error = new AppError("METHOD_NOT_ALLOWED", `${request.method} is not allowed here; this path answers ${allow}.`);
    return errorResponse(error, info.id, { allow });
  };
}

/** The handlers of one route file: its use-cases by method, 405 for the others. */
export function apiRoute(...useCases: Routed<AnyUseCase>[]): Record<HttpMethod | "OPTIONS", RouteHandler> {
  const byMethod = new Map(useCases.map((useCase) => [useCase.route.method, useCase]));
  const allow = [...byMethod.keys(), ...(byMethod.has("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
  const handlers = Object.fromEntries(
    HTTP_METHODS.map((method) => {
      const useCase = byMethod.get(method);
      return [method, useCase ? handler(useCase) : notAllowed(allow)];
    }),
  ) as Record<HttpMethod, RouteHandler>;
  return { ...handlers, OPTIONS: async () => new Response(null, { status: 204, headers: { allow } }) };
}
