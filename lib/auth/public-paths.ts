/**
 * What may be reached without a session (used by proxy.ts). Everything else needs one.
 * /api/v1 answers to bearer tokens, checked by the API itself; /api/cluster/audit to the
 * audit webhook's token (lib/cluster-audit/audit-webhook-handler.ts).
 */
const PUBLIC_PREFIXES = ["/api/auth/", "/api/v1/", "/api/cluster/audit/", "/_next/"];
// /metrics checks its own bearer token (lib/observability/serve-metrics.ts).
const PUBLIC_PATHS = new Set([
  "/signin",
  "/api/healthz",
  "/api/readyz",
  "/api/v1",
  "/api/cluster/audit",
  "/metrics",
  "/favicon.ico",
  "/robots.txt",
]);

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PATHS.has(pathname) || PUBLIC_PREFIXES.some((prefix) => pathname.startsWith(prefix));
}

/** Pages get a redirect to /signin; API routes and other non-page requests get a 401. */
export function isApiPath(pathname: string): boolean {
  return pathname === "/api" || pathname.startsWith("/api/");
}
