/**
 * Route handlers for /api/v1. Every request: bearer token -> (team membership ->
 * permission) -> input validation -> use-case, in that order, so a caller without
 * access learns nothing from validation errors. Errors are JSON { error: { code, message } }.
 */
import type { z } from "zod";
import type { Actor, RequestInfo } from "@/lib/authz/actor";
import { authorizePlatformAdmin, authorizeTeam } from "@/lib/authz/authorize";
import type { TeamPermission } from "@/lib/authz/permissions";
import type { PlatformAdminContext, TeamContext } from "@/lib/authz/team-context";
import { AppError } from "@/lib/errors";
import { authenticateApiToken } from "@/lib/tokens/authenticate-api-token";
import { parseInput } from "@/lib/validation/parse-input";
import { errorResponse, json } from "./respond";
import { requestInfo } from "./request-info";

type RouteContext = { params: Promise<Record<string, string | string[]>> };
export type RouteHandler = (request: Request, context: RouteContext) => Promise<Response>;
/** JSON `body`, or `text` sent as is with its content type (a YAML file). */
export type Reply = { status?: number; body: unknown } | { status?: number; text: string; contentType: string };
/** Where the input comes from; "text" hands the raw request body to the schema as `text`. */
type InputSource = "body" | "query" | "none" | "text";

// Nothing the API accepts comes near this (an app spec file is at most 64 KiB).
const MAX_BODY_BYTES = 1024 * 1024;

/** The body as text, refused once it is larger than MAX_BODY_BYTES (not read to the end). */
async function readBody(request: Request): Promise<string> {
  const tooLarge = () =>
    new AppError("INVALID_INPUT", "The request body is too large.", { fieldErrors: { body: ["must be at most 1 MiB"] } });
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) throw tooLarge();
  if (!request.body) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > MAX_BODY_BYTES) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

async function readInput(request: Request, source: InputSource, params: Record<string, string>): Promise<unknown> {
  if (source === "query") return { ...Object.fromEntries(new URL(request.url).searchParams), ...params };
  if (source === "none") return params;
  if (source === "text") return { ...params, text: await readBody(request) };
  const text = await readBody(request);
  if (text.trim() === "") return { ...params };
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body !== "object" || body === null || Array.isArray(body)) throw new Error("not an object");
    return { ...body, ...params };
  } catch {
    throw new AppError("INVALID_INPUT", "The request body must be a JSON object.", { fieldErrors: { body: ["must be a JSON object"] } });
  }
}

function respond(reply: Reply, requestId: string): Response {
  if ("text" in reply) {
    return new Response(reply.text, {
      status: reply.status ?? 200,
      headers: { "content-type": reply.contentType, "x-request-id": requestId },
    });
  }
  return json(reply.body, reply.status ?? 200, { "x-request-id": requestId });
}

async function stringParams(context: RouteContext): Promise<Record<string, string>> {
  // Next passes no params at all to routes without dynamic segments.
  const raw = (await context?.params) ?? {};
  return Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value.join("/") : value]));
}

/** A route for any authenticated caller (their own tokens, the team list). */
export function userRoute<S extends z.ZodType>(
  options: { schema: S; input: InputSource },
  fn: (args: { actor: Actor; request: RequestInfo; input: z.infer<S> }) => Promise<Reply>,
): RouteHandler {
  return async (request, context) => {
    const info = requestInfo(request.headers);
    try {
      const actor = await authenticateApiToken(request.headers.get("authorization"));
      const params = await stringParams(context);
      const input = parseInput(options.schema, await readInput(request, options.input, params));
      return respond(await fn({ actor, request: info, input }), info.id);
    } catch (error) {
      return errorResponse(error, info.id);
    }
  };
}

/** A route only platform admins may use (creating teams). */
export function adminRoute<S extends z.ZodType>(
  options: { schema: S; input: InputSource },
  fn: (args: { ctx: PlatformAdminContext; input: z.infer<S> }) => Promise<Reply>,
): RouteHandler {
  return async (request, context) => {
    const info = requestInfo(request.headers);
    try {
      const actor = await authenticateApiToken(request.headers.get("authorization"));
      const ctx = authorizePlatformAdmin({ actor, request: info });
      const params = await stringParams(context);
      const input = parseInput(options.schema, await readInput(request, options.input, params));
      return respond(await fn({ ctx, input }), info.id);
    } catch (error) {
      return errorResponse(error, info.id);
    }
  };
}

/** A route on /api/v1/teams/{team}/...: the caller needs `permission` in that team. */
export function teamRoute<S extends z.ZodType>(
  options: { permission: TeamPermission; schema: S; input: InputSource; headers?: Record<string, string> },
  fn: (args: { ctx: TeamContext; input: z.infer<S> }) => Promise<Reply>,
): RouteHandler {
  return async (request, context) => {
    const info = requestInfo(request.headers);
    try {
      const actor = await authenticateApiToken(request.headers.get("authorization"));
      const { team, ...params } = await stringParams(context);
      const ctx = await authorizeTeam({ actor, teamSlug: team ?? "", permission: options.permission, request: info });
      const fromHeaders = Object.fromEntries(
        Object.entries(options.headers ?? {}).flatMap(([field, header]) => {
          const value = request.headers.get(header);
          return value === null ? [] : [[field, value]];
        }),
      );
      const input = parseInput(options.schema, { ...((await readInput(request, options.input, params)) as object), ...fromHeaders });
      return respond(await fn({ ctx, input }), info.id);
    } catch (error) {
      return errorResponse(error, info.id);
    }
  };
}
