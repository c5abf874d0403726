import { toHttpError } from "@/lib/errors";

/** JSON that can carry BigInt ids (audit events) as strings. */
export function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  const body = JSON.stringify(data, (_key, value) => (typeof value === "bigint" ? value.toString() : value));
  return new Response(body, { status, headers: { "content-type": "application/json; charset=utf-8", ...headers } });
}

export function errorResponse(error: unknown, requestId?: string): Response {
  const { status, body } = toHttpError(error);
  return json(body, status, requestId ? { "x-request-id": requestId } : {});
}
