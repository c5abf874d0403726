/**
 * Like userRoute (lib/api/route.ts), for answers that are not one JSON document but a
 * streamed download: bearer token -> query validation -> the use-case's own Response.
 * Failures before the response starts are the API's usual JSON errors.
 */
import type { z } from "zod";
import type { Actor, RequestInfo } from "@/lib/authz/actor";
import { authenticateApiToken } from "@/lib/tokens/authenticate-api-token";
import { parseInput } from "@/lib/validation/parse-input";
import { errorResponse } from "./respond";
import { requestInfo } from "./request-info";
import type { RouteHandler } from "./route";

export function userDownloadRoute<S extends z.ZodType>(
  options: { schema: S },
  fn: (args: { actor: Actor; request: RequestInfo; input: z.infer<S> }) => Promise<Response>,
): RouteHandler {
  return async (request) => {
    const info = requestInfo(request.headers);
    try {
      const actor = await authenticateApiToken(request.headers.get("authorization"));
      const input = parseInput(options.schema, Object.fromEntries(new URL(request.url).searchParams));
      const response = await fn({ actor, request: info, input });
      response.headers.set("x-request-id", info.id);
      return response;
    } catch (error) {
      return errorResponse(error, info.id);
    }
  };
}
