/** Calls a Next.js route handler the way the server would, with a bearer token. */
import type { RouteHandler } from "@/lib/api/route";

export type CallOptions = {
  token?: string;
  params?: Record<string, string>;
  body?: unknown;
  query?: Record<string, string>;
  headers?: Record<string, string>;
};

export async function call(handler: RouteHandler, method: string, options: CallOptions = {}) {
  const url = new URL("http://slipway.test/api/v1/x");
  for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  Object.assign(headers, options.headers);
  const response = await handler(
    new Request(url, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) }),
    { params: Promise.resolve(options.params ?? {}) },
  );
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}
