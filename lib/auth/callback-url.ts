/**
 * Where to send someone after signing in: somewhere on this site, never elsewhere.
 * The value comes from a query string, a form body or a cookie, so anything can arrive.
 * Browsers drop tabs and newlines inside a URL (`/\t/evil.example/` is followed as
 * `//evil.example/`, another site) and read `\` as `/`; Node refuses a Location header
 * with a control character or non-Latin-1 text (a 500). So a value is parsed the way a
 * browser parses it, kept only when it stays on the base's origin, and what is kept is
 * the parser's own serialisation: ASCII, percent-encoded.
 */

// Only the origin matters: a path must stay on whatever origin it is resolved against.
const PATH_BASE = new URL("http://slipway.invalid");

function resolveOnOrigin(value: string, base: URL): URL | undefined {
  // Refused, not stripped: no legitimate link carries one.
  if (/\p{Cc}/u.test(value)) return undefined;
  // A path or an absolute URL; a relative reference ("teams") means whatever the reader makes of it.
  if (!value.startsWith("/") && !URL.canParse(value)) return undefined;
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return undefined;
  }
  return url.origin === base.origin ? url : undefined;
}

/** A path on this site for /signin to redirect to; "/" for anything else. */
export function safeCallbackPath(value: string | string[] | undefined | null): string {
  const raw = Array.isArray(value) ? value[0] : value;
  const url = raw ? resolveOnOrigin(raw, PATH_BASE) : undefined;
  // `/.//evil.example` resolves to the path `//evil.example`, which as a Location is another site.
  if (!url || url.pathname.startsWith("//")) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * next-auth's `redirect` callback: `url` (a path or an absolute URL) when it is on
 * `baseUrl`'s origin, else `baseUrl`. Never throws, unlike next-auth's default, which
 * answers 500 for a value that is not a URL and passes control characters through.
 */
export function sameOriginRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  return resolveOnOrigin(url, new URL(baseUrl))?.href ?? baseUrl;
}
