/**
 * The session cookie's claims, decoded once per cookie value. next-auth's decode derives
 * the key (HKDF) and decrypts the JWE on every call, and a page request called it two or
 * three times (the proxy's check, the page's session, next-auth's own re-encoding that a
 * server render cannot even set). A browser sends the same cookie on every request, so
 * its claims are kept here, by the cookie's exact value, until the token expires.
 *
 * Safe to keep: only a cookie that decrypted with our secret is remembered, it is found
 * again only by the whole value, and whether the session still holds is the database's
 * answer on every request (lib/auth/session-user.ts: the user and their session version).
 */
import { decode, type JWT, type JWTDecodeParams } from "next-auth/jwt";

/** Cookies remembered per process, oldest dropped first; each entry is a few hundred bytes. */
const MAX_REMEMBERED = 2_000;
const remembered = new Map<string, { secret: JWTDecodeParams["secret"]; claims: JWT }>();

export async function decodeSessionToken(params: JWTDecodeParams): Promise<JWT | null> {
  const { token, secret } = params;
  if (!token) return null;
  const known = remembered.get(token);
  if (known && known.secret === secret && !expired(known.claims)) return known.claims;
  remembered.delete(token);
  const claims = await decode(params);
  if (!claims || expired(claims)) return claims;
  if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
  remembered.set(token, { secret, claims });
  return claims;
}

/** next-auth's decode allows 15 s of clock skew; a remembered token goes at its expiry exactly. */
const expired = (claims: JWT) => typeof claims.exp === "number" && claims.exp * 1000 <= Date.now();
