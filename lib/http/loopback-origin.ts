/**
 * Sign-in cookies (state, PKCE, session) belong to one host name, and the IdP sends
 * people back to NEXTAUTH_URL. So a visit to http://127.0.0.1:3000 of a Slipway whose
 * NEXTAUTH_URL is http://localhost:3000 starts a sign-in whose callback lands on the
 * other name without those cookies ("could not be verified"). Loopback aliases are one
 * machine: such a visit is sent to the configured name before anything starts.
 * Other host names are left alone (a proxy in front may use its own).
 */
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/** The URL on NEXTAUTH_URL's loopback name for a request that came in on another loopback name, else null. */
export function loopbackRedirect(requestUrl: string, hostHeader: string | null, nextAuthUrl: string | undefined): URL | null {
  if (!nextAuthUrl || !hostHeader) return null;
  let canonical: URL;
  let requested: URL;
  try {
    canonical = new URL(nextAuthUrl);
    requested = new URL(`http://${hostHeader}`);
  } catch {
    return null;
  }
  if (!LOOPBACK.has(canonical.hostname) || !LOOPBACK.has(requested.hostname)) return null;
  if (requested.hostname === canonical.hostname) return null;
  const target = new URL(requestUrl);
  return new URL(`${target.pathname}${target.search}`, canonical.origin);
}
