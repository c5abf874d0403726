/** Calls a Next.js route handler the way the server would, with a bearer token or a session cookie. */
import type { RouteHandler } from "@/lib/adapters/api-route";

export type CallOptions = {
  token?: string;
  /** A session cookie value (tests/helpers/session.ts), sent as next-auth's cookie. */
  session?: string;
  params?: Record<string, string>;
  body?: unknown;
  text?: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
};

export const TEST_ORIGIN = "http://slipway.test";

export async function callRaw(handler: RouteHandler, method: string, options: CallOptions = {}) {
  const url = new URL(`${TEST_ORIGIN}/api/v1/x`);
  for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
  const headers: Record<string, string> = { "content-type": "application/json", host: "slipway.test" };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.session) {
    headers.cookie = `next-auth.session-token=${options.session}`;
    // What a browser sends with a same-origin write; tests of foreign origins override it.
    if (method !== "GET") headers.origin = TEST_ORIGIN;
  }
  Object.assign(headers, options.headers);
  const body = options.text ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  return handler(new Request(url, { method, headers, body }), { params: Promise.resolve(options.params ?? {}) });
}

export async function call(handler: RouteHandler, method: string, options: CallOptions = {}) {
  const response = await callRaw(handler, method, options);
  const text = await response.text();
  const json = response.headers.get("content-type")?.startsWith("application/json");
  return { status: response.status, body: text && json ? JSON.parse(text) : text || null, headers: response.headers };
}
