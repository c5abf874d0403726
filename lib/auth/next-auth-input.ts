/**
 * next-auth 4 treats a callbackUrl it cannot parse, in the query string or in its
 * callback-url cookie, as a configuration error and answers 500 (core/lib/assert.js),
 * so a crafted link or a planted cookie breaks sign-in. proxy.ts refuses such a query
 * parameter (400) and drops such a cookie before next-auth sees them; the redirect
 * callback (sameOriginRedirect) then decides where a well-formed value may lead.
 */
import type { NextRequest } from "next/server";

/** The __Secure- name is next-auth's when NEXTAUTH_URL is https. */
const CALLBACK_URL_COOKIES = new Set(["next-auth.callback-url", "__Secure-next-auth.callback-url"]);

/** A path, or an absolute http(s) URL, without control characters; empty means unset. */
export function isWellFormedCallbackUrl(value: string): boolean {
  if (/\p{Cc}/u.test(value)) return false;
  if (value === "" || value.startsWith("/")) return true;
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

export function hasMalformedCallbackUrlParam(url: URL): boolean {
  // next-auth reads the last one (Object.fromEntries), so every one must pass.
  return url.searchParams.getAll("callbackUrl").some((value) => !isWellFormedCallbackUrl(value));
}

/** Names of callback-url cookies next-auth would choke on. */
export function malformedCallbackUrlCookies(cookies: Pick<NextRequest["cookies"], "getAll">): string[] {
  return cookies
    .getAll()
    .filter((cookie) => CALLBACK_URL_COOKIES.has(cookie.name) && !isWellFormedCallbackUrl(cookie.value))
    .map((cookie) => cookie.name);
}
