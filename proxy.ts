/**
 * Runs before every page and route (not build output or public files):
 * - a Content-Security-Policy with a fresh nonce, and HSTS over https
 *   (lib/http/security-headers.ts; next.config.mjs sends the fixed headers);
 * - next-auth's routes never see a callbackUrl they would answer 500 to
 *   (lib/auth/next-auth-input.ts);
 * - a page visited on another loopback name than NEXTAUTH_URL's is sent there first, so
 *   sign-in cookies and the IdP's callback agree (lib/http/loopback-origin.ts);
 * - every page and route needs a session, except the few in lib/auth/public-paths.ts.
 *   This only checks that the session cookie is valid; pages and actions still load
 *   the user (lib/auth/session.ts) and their permissions themselves.
 */
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { hasMalformedCallbackUrlParam, malformedCallbackUrlCookies } from "@/lib/auth/next-auth-input";
import { isApiPath, isPublicPath } from "@/lib/auth/public-paths";
import { authSecret } from "@/lib/auth/secret";
import { decodeSessionToken } from "@/lib/auth/session-token";
import { env } from "@/lib/env";
import { ERROR_STATUS, type ErrorCode } from "@/lib/errors";
import { loopbackRedirect } from "@/lib/http/loopback-origin";
import {
  API_CONTENT_SECURITY_POLICY,
  createNonce,
  pageContentSecurityPolicy,
  STRICT_TRANSPORT_SECURITY,
} from "@/lib/http/security-headers";

const https = env.NEXTAUTH_URL?.startsWith("https:") ?? false;

export async function proxy(request: NextRequest) {
  const csp = isApiPath(request.nextUrl.pathname)
    ? API_CONTENT_SECURITY_POLICY
    : pageContentSecurityPolicy({ nonce: createNonce(), dev: env.NODE_ENV === "development", https });
  const response = await route(request, csp);
  response.headers.set("Content-Security-Policy", csp);
  if (https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

async function route(request: NextRequest, csp: string): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  if (request.method === "GET" && !isApiPath(pathname)) {
    const canonical = loopbackRedirect(request.url, request.headers.get("host"), env.NEXTAUTH_URL);
    if (canonical) return sendTo(canonical);
  }
  if (pathname.startsWith("/api/auth/")) {
    if (hasMalformedCallbackUrlParam(request.nextUrl)) {
      return apiError("INVALID_INPUT", "callbackUrl must be a path on this site or an http(s) URL.");
    }
    // next-auth then sets a fresh one on its response.
    for (const name of malformedCallbackUrlCookies(request.cookies)) request.cookies.delete(name);
  }
  // Next.js takes the nonce for its own scripts from the request's CSP header.
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", csp);
  const pass = () => NextResponse.next({ request: { headers } });

  if (isPublicPath(pathname)) return pass();
  if (await getToken({ req: request, secret: authSecret(), decode: decodeSessionToken })) return pass();

  if (isApiPath(pathname)) return apiError("UNAUTHENTICATED", "Sign in first.");
  const signIn = new URL("/signin", request.url);
  signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(signIn);
}

/**
 * Not NextResponse.redirect: Next.js counts localhost and 127.0.0.1 as one origin and
 * turns such a Location into a relative one, which would loop. A Refresh header (and a
 * link for anyone whose browser ignores it) is left alone.
 */
function sendTo(url: URL) {
  const href = url.href.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  return new NextResponse(`<!doctype html><title>Slipway</title><p><a href="${href}">Continue to ${href}</a></p>`, {
    status: 200,
    headers: { "content-type": "text/html; charset=utf-8", refresh: `0;url=${url.href}`, "cache-control": "no-store" },
  });
}

function apiError(code: ErrorCode, message: string) {
  return NextResponse.json({ error: { code, message } }, { status: ERROR_STATUS[code], headers: { "cache-control": "no-store" } });
}

export const config = {
  // Build output and public files need no session.
  matcher: ["/((?!_next/static|_next/image|.*\\.(?:ico|png|jpg|jpeg|gif|svg|webp|txt|woff2?)$).*)"],
};
