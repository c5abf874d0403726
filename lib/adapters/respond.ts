import { toHttpError } from "@/lib/errors";
import { logger } from "@/lib/observability/logger";

/** JSON with the API's content type. */
export function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(data), { status, headers: { "content-type": "application/json; charset=utf-8", ...headers } });
}

/**
 * The API's error answer. Unexpected errors are logged with their stack and answered
 * with a generic message; the request id in the body is the reference to that log line.
 */
export function errorResponse(error: unknown, requestId: string, headers: Record<string, string> = {}): Response {
  const { status, body, headers: extra } = toHttpError(error, (message, cause) => logger.error({ err: cause }, message));
  return json({ error: { ...body.error, requestId } }, status, { "x-request-id": requestId, ...extra, ...headers });
}
