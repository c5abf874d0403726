/** The signed-in person, for server components, server actions and route handlers. */
import { getToken } from "next-auth/jwt";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { authSecret } from "./secret";
import { decodeSessionToken } from "./session-token";
import { userForSession, type SessionUser } from "./session-user";

export type { SessionUser };

/**
 * Once per request: the header and the page both ask (React `cache`). The cookie is
 * decoded, not passed through next-auth's getServerSession, which also re-encrypts it
 * for a Set-Cookie that a server render throws away.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const jar = await cookies();
  return sessionUserFor(Object.fromEntries(jar.getAll().map((cookie) => [cookie.name, cookie.value])));
});

/** The signed-in person, or a redirect to /signin that comes back to `callbackPath`. */
export async function requireSessionUser(callbackPath = "/"): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackPath)}`);
  return user;
}

/**
 * The person behind a request's session cookie, for route handlers that are called
 * outside React's request scope (the /api/v1 adapter accepts a cookie or a token).
 */
export async function sessionUserFromCookies(cookieHeader: string | null): Promise<SessionUser | null> {
  if (!cookieHeader) return null;
  const cookies = Object.fromEntries(
    cookieHeader.split(";").flatMap((part) => {
      const at = part.indexOf("=");
      if (at < 0) return [];
      try {
        return [[part.slice(0, at).trim(), decodeURIComponent(part.slice(at + 1).trim())]];
      } catch {
        return [];
      }
    }),
  );
  return sessionUserFor(cookies);
}

async function sessionUserFor(cookies: Record<string, string>): Promise<SessionUser | null> {
  // No Authorization header here: next-auth would read a bearer token as a session.
  const token = await getToken({ req: { headers: {}, cookies } as never, secret: authSecret(), decode: decodeSessionToken });
  // The cookie only proves who this is and which session; the row says whether it still holds.
  return userForSession(token?.sub, token?.sv);
}
